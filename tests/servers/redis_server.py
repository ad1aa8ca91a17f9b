"""Start a throwaway Redis server for the cache tests, using Debian's redis-server.

In tests: `with RedisServer() as server: ... server.url`. From a shell:
`python tests/servers/redis_server.py -- COMMAND...` runs COMMAND with CACHE_URL
pointing at a fresh server on a free loopback port and removes it afterwards. Exit
code 69 with a one-line reason on stderr means Redis is not available here.
"""

import contextlib
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

UNAVAILABLE = 69  # EX_UNAVAILABLE from sysexits.h
START_TIMEOUT = 10.0


class RedisUnavailable(Exception):
    """Redis cannot be run here; the message says why in one line."""


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class RedisServer:
    def __init__(self):
        binary = shutil.which("redis-server") or (
            "/usr/bin/redis-server" if Path("/usr/bin/redis-server").exists() else None
        )
        if binary is None:
            raise RedisUnavailable(
                "no redis-server found; install Debian's redis-server package"
            )
        self.binary = binary
        self.port = free_port()
        self.tmp = Path(tempfile.mkdtemp(prefix="portal-redis-"))
        self.process = None

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        # No persistence and loopback only: a scratch server that forgets everything.
        command = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--dir",
            str(self.tmp),
            "--save",
            "",
            "--appendonly",
            "no",
            "--protected-mode",
            "yes",
            "--daemonize",
            "no",
        ]
        log = open(self.tmp / "log", "wb")  # noqa: SIM115 (closed with the process)
        self.process = subprocess.Popen(  # noqa: S603
            command, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                break
            if self._ping():
                return self
            time.sleep(0.05)
        reason = (self.tmp / "log").read_text(errors="replace").strip()[-300:]
        self.stop()
        raise RedisUnavailable(f"redis-server did not start: {reason or 'timeout'}")

    def _ping(self):
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as s:
                s.sendall(b"PING\r\n")
                return s.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def main(argv):
    import os

    if "--" not in argv:
        sys.stderr.write("usage: redis_server.py -- COMMAND...\n")
        return 2
    command = argv[argv.index("--") + 1 :]
    try:
        server = RedisServer().start()
    except RedisUnavailable as exc:
        sys.stderr.write(f"{exc}\n")
        return UNAVAILABLE
    try:
        env = {**os.environ, "CACHE_URL": server.url}
        return subprocess.run(command, env=env).returncode  # noqa: S603
    finally:
        server.stop()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
