"""Start and stop a throwaway single-node Elasticsearch for the test suite."""

from __future__ import annotations

import atexit
import contextlib
import ctypes
import fcntl
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from collections import deque
from pathlib import Path
from types import TracebackType

ES_VERSION = os.environ.get("VESTLAND_ES_VERSION", "8.19.21")
# The integ-test zip is the only ES distribution published as a Maven artifact.
# It is a bare server: no analysis-common, painless, reindex, mapper-extras, ML,
# nor rest-root (so GET / and HEAD / answer 405; use /_cluster/health instead).
MAVEN_ARTIFACT = "org.elasticsearch.distribution.integ-test-zip:elasticsearch:{}:zip"
# Pinned so the fetch does not depend on whatever Maven's default binding is.
MAVEN_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
# Elasticsearch refuses to run as root, so root runs drop to this account.
ES_SYSTEM_USER = os.environ.get("VESTLAND_ES_USER", "vestland-es")
MIN_JAVA_MAJOR = 17
DOWNLOAD_TIMEOUT = 1800.0
STOP_TIMEOUT = 30.0
PR_SET_PDEATHSIG = 1
# Test nodes live for seconds to minutes on small CI machines: C1-only JIT and no
# heap pre-touch start the node faster, and peak throughput does not matter.
FAST_STARTUP_JAVA_OPTS = "-XX:TieredStopAtLevel=1 -XX:-AlwaysPreTouch"


# The watchdog (start_watchdog) checks for its parent this often.
WATCHDOG_POLL = 0.5
_WATCHDOG = """
import os, shutil, signal, sys, time
parent, group, run_dir, poll, grace = (
    int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4]),
    float(sys.argv[5]),
)

def group_alive():
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True

# Reparented (to init or a subreaper) once the parent is gone, whatever killed it.
while os.getppid() == parent and group_alive():
    time.sleep(poll)
if os.getppid() != parent:
    try:
        os.killpg(group, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        pass
    deadline = time.monotonic() + grace
    while group_alive() and time.monotonic() < deadline:
        time.sleep(0.2)
    try:
        os.killpg(group, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if run_dir:
        shutil.rmtree(run_dir, ignore_errors=True)
"""


def start_watchdog(
    group: int, run_dir: Path | None = None, grace: float = STOP_TIMEOUT
) -> subprocess.Popen[bytes]:
    """A small process that stops the process group `group` (and removes
    `run_dir`) when this process is gone, however it went: SIGTERM, SIGKILL, a CI
    job cancelled. The node runs in a session of its own, so a signal to the test
    run's process group never reaches it; PR_SET_PDEATHSIG reaches only the
    launcher, and leaves the server JVM to the launcher's goodwill. The watchdog
    has a session of its own too, so the signal that ends the run does not end
    it; it leaves by itself once the group is gone."""
    return subprocess.Popen(  # noqa: S603 - fixed argv, no shell
        [
            sys.executable,
            "-c",
            _WATCHDOG,
            str(os.getpid()),
            str(group),
            str(run_dir or ""),
            str(WATCHDOG_POLL),
            str(grace),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


class ElasticsearchUnavailable(RuntimeError):
    """A node cannot be provided; the message is a human-readable reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def cache_dir(version: str = ES_VERSION) -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "")
    # The XDG spec says relative values must be ignored.
    root = Path(base) if os.path.isabs(base) else Path.home() / ".cache"
    return root / "vestland-portal" / "elasticsearch" / version


def find_java_home() -> Path:
    candidates = [os.environ.get("ES_JAVA_HOME"), os.environ.get("JAVA_HOME")]
    java = shutil.which("java")
    if java:
        candidates.append(str(Path(java).resolve().parent.parent))
    for candidate in candidates:
        if candidate and (Path(candidate) / "bin" / "java").is_file():
            home = Path(candidate)
            _check_java_version(home)
            return home
    raise ElasticsearchUnavailable(
        f"no Java runtime found; install JDK {MIN_JAVA_MAJOR}+ or set ES_JAVA_HOME"
    )


def _check_java_version(java_home: Path) -> None:
    release = java_home / "release"
    if not release.is_file():
        return
    for line in release.read_text(errors="replace").splitlines():
        if line.startswith("JAVA_VERSION="):
            version = line.partition("=")[2].strip().strip('"')
            major = version.split(".")[0]
            if major.isdigit() and int(major) < MIN_JAVA_MAJOR:
                raise ElasticsearchUnavailable(
                    f"Java {version} at {java_home} is too old; "
                    f"Elasticsearch 8 needs Java {MIN_JAVA_MAJOR}+"
                )
            return


def ensure_distribution(version: str = ES_VERSION) -> Path:
    """Return ES home for ``version``, downloading and unpacking it if needed."""
    find_java_home()
    cache = cache_dir(version)
    home = cache / f"elasticsearch-{version}"
    if _is_complete(home, version):
        return home
    cache.mkdir(parents=True, exist_ok=True)
    # Parallel test runs share the cache; only one of them may fetch and unpack.
    with open(cache / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if _is_complete(home, version):
            return home
        archive = cache / f"elasticsearch-{version}.zip"
        if not archive.is_file():
            _download(version, archive)
        _unpack(archive, home)
    return home


def _is_complete(home: Path, version: str) -> bool:
    return (home / "lib" / f"elasticsearch-{version}.jar").is_file()


def _download(version: str, archive: Path) -> None:
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ElasticsearchUnavailable(
            "Maven (mvn) is not installed; it is needed once to fetch Elasticsearch"
        )
    # Download beside the target and rename, so an interrupted fetch never
    # leaves a truncated zip that looks cached.
    staging = Path(tempfile.mkdtemp(prefix="download-", dir=archive.parent))
    command = [
        mvn,
        "--batch-mode",
        "--quiet",
        f"{MAVEN_DEPENDENCY_PLUGIN}:copy",
        f"-Dartifact={MAVEN_ARTIFACT.format(version)}",
        f"-DoutputDirectory={staging}",
    ]
    try:
        result = subprocess.run(  # noqa: S603 - fixed argv, no shell
            command,
            cwd=staging,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=DOWNLOAD_TIMEOUT,
            check=False,
        )
        fetched = staging / f"elasticsearch-{version}.zip"
        if result.returncode != 0 or not fetched.is_file():
            detail = _last_error_line(result.stdout + result.stderr)
            raise ElasticsearchUnavailable(
                f"could not download Elasticsearch {version} with Maven: {detail}"
            )
        fetched.replace(archive)
    except subprocess.TimeoutExpired as exc:
        raise ElasticsearchUnavailable(
            f"downloading Elasticsearch {version} timed out after {exc.timeout:.0f}s"
        ) from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _last_error_line(output: str) -> str:
    # Maven 3.8 emits colour resets even in batch mode.
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)
    errors = [line for line in output.splitlines() if "ERROR" in line]
    lines = errors or output.strip().splitlines() or ["mvn failed without output"]
    return lines[0].replace("[ERROR]", "").strip()[:300]


def _unpack(archive: Path, home: Path) -> None:
    staging = Path(tempfile.mkdtemp(prefix="unpack-", dir=home.parent))
    try:
        with zipfile.ZipFile(archive) as zf:
            top = {name.split("/", 1)[0] for name in zf.namelist()}
            if len(top) != 1:
                raise ElasticsearchUnavailable(f"unexpected layout in {archive}")
            for member in zf.infolist():
                extracted = Path(zf.extract(member, staging))
                # zipfile drops Unix modes; the launch scripts need their x bit.
                mode = (member.external_attr >> 16) & 0o777
                if mode:
                    extracted.chmod(mode)
        shutil.rmtree(home, ignore_errors=True)
        (staging / top.pop()).rename(home)
    except (OSError, zipfile.BadZipFile) as exc:
        # A corrupt archive would otherwise be trusted forever.
        archive.unlink(missing_ok=True)
        raise ElasticsearchUnavailable(f"could not unpack {archive}: {exc}") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _system_user() -> pwd.struct_passwd:
    try:
        return pwd.getpwnam(ES_SYSTEM_USER)
    except KeyError:
        pass
    useradd = shutil.which("useradd")
    if useradd is None:
        raise ElasticsearchUnavailable(
            f"running as root needs a user {ES_SYSTEM_USER!r}, and useradd is missing"
        )
    subprocess.run(  # noqa: S603 - fixed argv, no shell
        [
            useradd,
            "--system",
            "--no-create-home",
            "--home-dir",
            "/nonexistent",
            "--shell",
            "/usr/sbin/nologin",
            ES_SYSTEM_USER,
        ],
        check=False,
        capture_output=True,
    )
    try:
        return pwd.getpwnam(ES_SYSTEM_USER)
    except KeyError as exc:
        raise ElasticsearchUnavailable(
            f"could not create system user {ES_SYSTEM_USER!r} for Elasticsearch"
        ) from exc


def _link_tree(source: Path, target: Path) -> None:
    # The cache usually sits under root's 0700 home, out of the ES user's
    # reach; hard links make it reachable without copying ~120 MB per run.
    def link_or_copy(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link_or_copy)


def _die_with_parent() -> None:
    # If the test run is killed outright (SIGKILL, CI cancel) atexit never runs;
    # the kernel then signals the launcher, and ES stops its server JVM when the
    # launcher goes away. Caveat: it fires when the *thread* that started the
    # node exits, so start nodes from a long-lived thread.
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


class ElasticsearchNode:
    """One disposable node on 127.0.0.1; data and logs vanish on ``stop()``."""

    def __init__(
        self,
        *,
        version: str = ES_VERSION,
        heap: str = "512m",
        startup_timeout: float = 120.0,
    ) -> None:
        self.version = version
        self.heap = heap
        self.startup_timeout = startup_timeout
        self.port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._watchdog: subprocess.Popen[bytes] | None = None
        self._run_dir: Path | None = None

    @property
    def url(self) -> str:
        if self.port is None:
            raise RuntimeError("the node has not been started")
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ElasticsearchNode:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> ElasticsearchNode:
        if self._process is not None:
            return self
        es_home = ensure_distribution(self.version)
        java_home = find_java_home()
        self._run_dir = run_dir = Path(tempfile.mkdtemp(prefix="vestland-es-"))
        atexit.register(self.stop)
        try:
            self._launch(es_home, java_home, run_dir)
            self._wait_until_healthy()
        except BaseException:
            self.stop()
            raise
        return self

    def _launch(self, es_home: Path, java_home: Path, run_dir: Path) -> None:
        config, data, logs, tmp = (
            run_dir / name for name in ("config", "data", "logs", "tmp")
        )
        shutil.copytree(es_home / "config", config)
        for directory in (data, logs, tmp):
            directory.mkdir()
        self.port = _free_port()
        self._write_config(config, data, logs)

        drop_to: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            drop_to = _system_user()
            staged_home = run_dir / "home"
            _link_tree(es_home, staged_home)
            es_home = staged_home
            for path in (run_dir, config, data, logs, tmp):
                os.chown(path, drop_to.pw_uid, drop_to.pw_gid)
            for path in config.rglob("*"):
                os.chown(path, drop_to.pw_uid, drop_to.pw_gid)

        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("ES_", "JAVA_", "_JAVA_", "CLI_JAVA_"))
        }
        env.update(
            ES_JAVA_HOME=str(java_home),
            ES_PATH_CONF=str(config),
            ES_TMPDIR=str(tmp),
            ES_JAVA_OPTS=f"-Xms{self.heap} -Xmx{self.heap} {FAST_STARTUP_JAVA_OPTS}",
            CLI_JAVA_OPTS=FAST_STARTUP_JAVA_OPTS,
        )
        if drop_to is not None:
            env.update(HOME=str(run_dir), USER=drop_to.pw_name, LOGNAME=drop_to.pw_name)

        with open(logs / "console.log", "wb") as console:
            self._process = subprocess.Popen(  # noqa: S603 - fixed argv, no shell
                [str(es_home / "bin" / "elasticsearch")],
                cwd=logs,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=console,
                stderr=subprocess.STDOUT,
                # Own process group: stop() must reach the CLI launcher and the
                # server JVM it forks.
                start_new_session=True,
                user=drop_to.pw_uid if drop_to else None,
                group=drop_to.pw_gid if drop_to else None,
                extra_groups=[] if drop_to else None,
                preexec_fn=_die_with_parent,
            )
        # Whatever ends the test run, the node (launcher and server JVM, one
        # process group) ends with it.
        self._watchdog = start_watchdog(self._process.pid, run_dir)

    def _write_config(self, config: Path, data: Path, logs: Path) -> None:
        settings = {
            "cluster.name": "vestland-test",
            "node.name": "vestland-test-node",
            "path.data": str(data),
            "path.logs": str(logs),
            "network.host": "127.0.0.1",
            "http.port": self.port,
            "transport.port": _free_port(),
            "discovery.type": "single-node",
            "xpack.security.enabled": False,
            "xpack.ml.enabled": False,
            # Tests must not go read-only because the build disk is nearly full.
            "cluster.routing.allocation.disk.threshold_enabled": False,
            "action.destructive_requires_name": False,
        }
        # JSON is valid YAML, and avoids quoting surprises in paths.
        (config / "elasticsearch.yml").write_text(json.dumps(settings, indent=2))
        jvm_options = config / "jvm.options"
        # The zip's relative gc.log/hs_err paths would land in the shared ES home.
        text = jvm_options.read_text()
        text = text.replace("file=gc.log", f"file={logs}/gc.log")
        text = text.replace("-XX:ErrorFile=hs_err", f"-XX:ErrorFile={logs}/hs_err")
        text += f"\n-XX:HeapDumpPath={logs}\n"
        jvm_options.write_text(text)

    def _wait_until_healthy(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        health_url = f"{self.url}/_cluster/health?wait_for_status=yellow&timeout=1s"
        while time.monotonic() < deadline:
            if self._process is None or self._process.poll() is not None:
                code = None if self._process is None else self._process.returncode
                raise ElasticsearchUnavailable(
                    f"Elasticsearch exited with code {code} during startup:\n"
                    + self.log_tail()
                )
            try:
                with urllib.request.urlopen(health_url, timeout=5) as response:  # noqa: S310 - loopback http
                    if json.load(response).get("status") in ("yellow", "green"):
                        return
            except (OSError, ValueError):
                pass
            time.sleep(0.5)
        raise ElasticsearchUnavailable(
            f"Elasticsearch was not healthy within {self.startup_timeout:.0f}s:\n"
            + self.log_tail()
        )

    def log_tail(self, lines: int = 40) -> str:
        if self._run_dir is None:
            return ""
        console = self._run_dir / "logs" / "console.log"
        try:
            with open(console, errors="replace") as handle:
                return "".join(deque(handle, maxlen=lines))
        except OSError:
            return f"(no log at {console})"

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            self._signal_group(process, signal.SIGTERM)
            try:
                process.wait(timeout=STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self._signal_group(process, signal.SIGKILL)
                process.wait()
        if process is not None:
            # The launcher may exit before the server JVM it forked.
            self._signal_group(process, signal.SIGKILL)
        watchdog, self._watchdog = self._watchdog, None
        if watchdog is not None:
            watchdog.terminate()
            watchdog.wait()
        if self._run_dir is not None:
            shutil.rmtree(self._run_dir, ignore_errors=True)
            self._run_dir = None
        self.port = None
        atexit.unregister(self.stop)

    @staticmethod
    def _signal_group(process: subprocess.Popen[bytes], sig: signal.Signals) -> None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, sig)


def main() -> int:
    started = time.monotonic()
    try:
        with ElasticsearchNode() as node:
            ready = time.monotonic() - started
            # GET / lives in the rest-root module, which the integ-test zip lacks.
            nodes_url = f"{node.url}/_nodes/_local?filter_path=nodes.*.version"
            with urllib.request.urlopen(nodes_url, timeout=10) as response:  # noqa: S310 - loopback http
                versions = [n["version"] for n in json.load(response)["nodes"].values()]
            print(f"url: {node.url}")
            print(f"version: {versions[0]}")
            print(f"ready after: {ready:.1f}s")
    except ElasticsearchUnavailable as exc:
        print(f"Elasticsearch unavailable: {exc.reason}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
