"""Start a throwaway PostgreSQL server for the test suite, using Debian's binaries.

Run as `python tests/servers/postgres_server.py -- COMMAND...`: it starts a server in
a temporary directory on a free loopback port, runs COMMAND with DATABASE_URL
pointing at it, and removes everything afterwards. Exit code 69 with a one-line
reason on stderr means PostgreSQL is not available on this machine.
"""

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNAVAILABLE = 69  # EX_UNAVAILABLE from sysexits.h


class PostgresUnavailable(Exception):
    """PostgreSQL cannot be run here; the message says why in one line."""


def find_bin_dir():
    initdb = shutil.which("initdb")
    if initdb:
        return Path(initdb).resolve().parent
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if candidates:
        return Path(candidates[0]).parent
    raise PostgresUnavailable(
        "no PostgreSQL server binaries (initdb) found; install Debian's postgresql"
    )


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PostgresServer:
    def __init__(self):
        self.bin_dir = find_bin_dir()
        self.port = free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.tmp / "data"
        self.user = None
        if os.geteuid() == 0:
            # PostgreSQL refuses to run as root: run it as Debian's postgres user.
            try:
                self.user = pwd.getpwnam("postgres")
            except KeyError as exc:
                raise PostgresUnavailable(
                    "running as root but there is no 'postgres' user to run the server"
                ) from exc
            os.chown(self.tmp, self.user.pw_uid, self.user.pw_gid)

    @property
    def url(self):
        return f"postgres://portal@127.0.0.1:{self.port}/portal"

    def _run(self, *args, **kwargs):
        command = [str(self.bin_dir / args[0]), *args[1:]]
        if self.user is not None:
            command = ["runuser", "-u", "postgres", "--", *command]
        return subprocess.run(command, check=True, capture_output=True, **kwargs)  # noqa: S603

    def start(self):
        try:
            self._run(
                "initdb",
                "-D",
                str(self.data),
                "-U",
                "portal",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
            )
            self._run(
                "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.tmp / "log"),
                "-w",
                "-o",
                f"-h 127.0.0.1 -p {self.port} -k {self.tmp} -F",
                "start",
            )
            self._run(
                "createdb",
                "-h",
                "127.0.0.1",
                "-p",
                str(self.port),
                "-U",
                "portal",
                "portal",
            )
        except subprocess.CalledProcessError as exc:
            log = (self.tmp / "log").read_text() if (self.tmp / "log").exists() else ""
            self.stop()
            reason = (exc.stderr or b"").decode(errors="replace").strip() or log[-500:]
            raise PostgresUnavailable(f"PostgreSQL did not start: {reason}") from exc
        return self

    def stop(self):
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "stop")
            time.sleep(0.2)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv):
    if "--" not in argv:
        sys.stderr.write("usage: postgres_server.py -- COMMAND...\n")
        return 2
    command = argv[argv.index("--") + 1 :]
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        sys.stderr.write(f"{exc}\n")
        return UNAVAILABLE
    try:
        env = {**os.environ, "DATABASE_URL": server.url}
        return subprocess.run(command, env=env).returncode  # noqa: S603
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
