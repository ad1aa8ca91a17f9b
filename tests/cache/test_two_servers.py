"""Two real server processes share one page cache and one database: a page one of
them cached is served by the other, and a publish in a third process purges it for
both. Runs on the default file cache and on a real Redis server."""

import os
import secrets
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.cache.support import wait_for_fresh_minute
from tests.servers.redis_server import free_port

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60
PUBLIC_HOST = "hjelp.example.org"


def _env(database, cache_url, var_dir):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "CACHE_URL", "PAGE_CACHE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=f"sqlite:///{database}",
        PORTAL_VAR_DIR=str(var_dir),
        PAGE_CACHE="on",
    )
    if cache_url:
        env["CACHE_URL"] = cache_url
    return env


def _manage(env, *args):
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        timeout=600,
    )
    if done.returncode != 0:
        output = done.stderr.decode(errors="replace")[-2000:]
        pytest.fail(f"manage.py {args[0]} failed:\n{output}")


@pytest.fixture(scope="module")
def database(tmp_path_factory):
    """A migrated SQLite database with the portal's languages, site and home page."""
    var_dir = tmp_path_factory.mktemp("two-servers")
    database = var_dir / "portal.sqlite3"
    env = _env(database, f"file://{var_dir / 'setup-cache'}", var_dir)
    _manage(env, "migrate", "--no-input", "--verbosity", "0")
    _manage(env, "setup_portal", "--no-example-content")
    return database


class Server:
    def __init__(self, env, log):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "--workers",
                "1",
                "--bind",
                f"127.0.0.1:{self.port}",
                "portal.wsgi",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def get(self, path):
        # Behind a load balancer every server sees the portal's one public host name,
        # which is part of the cache key (pages hold absolute links).
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"Host": PUBLIC_HOST}
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, response.read().decode(), response.headers

    def wait_until_up(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server stopped while starting")
            try:
                self.get("/healthz")
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("the server did not answer in time")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def two_servers(database, cache_url, tmp_path):
    env = _env(database, cache_url, tmp_path)
    log = open(tmp_path / "servers.log", "wb")  # noqa: SIM115
    servers = [Server(env, log), Server(env, log)]
    try:
        for server in servers:
            server.wait_until_up()
        yield servers, env
    except RuntimeError as exc:
        log.flush()
        output = (tmp_path / "servers.log").read_text(errors="replace")[-2000:]
        pytest.fail(f"{exc}:\n{output}")
    finally:
        for server in servers:
            server.stop()
        log.close()


def _title(html):
    return html.split("<title>", 1)[1].split("</title>", 1)[0]


def test_publish_in_one_process_purges_the_page_both_servers_serve(
    two_servers, database
):
    (first, second), env = two_servers
    marker = secrets.token_hex(4)
    _publish_home_title(env, f"Hjem {marker}")

    # A first render loads templates and catalogues, which can take many seconds
    # on a busy machine; the copy the first server stores must still be fresh (within
    # its minute) when the second asks. A query string is never cached.
    for server in (first, second):
        assert server.get("/nb/?warm-up")[0] == 200
    wait_for_fresh_minute(margin=20)
    status, html, headers = first.get("/nb/")
    assert status == 200 and "Set-Cookie" not in headers
    assert _title(html).startswith(f"Hjem {marker}")

    # Change the title behind every signal's back: whoever still shows the old one
    # is serving the copy the first server stored.
    with sqlite3.connect(database) as db:
        db.execute(
            "UPDATE wagtailcore_page SET title = 'Ikke publisert' "
            "WHERE depth = 2 AND slug = 'hjem'"
        )
    assert _title(second.get("/nb/")[1]).startswith(f"Hjem {marker}")

    _publish_home_title(env, f"Publisert i en annen prosess {marker}")

    for server in (second, first):
        title = _title(server.get("/nb/")[1])
        assert title.startswith(f"Publisert i en annen prosess {marker}")


def _publish_home_title(env, title):
    """Publish a new home page title through the ORM, in a process of its own."""
    script = (
        "from portal.models import HomePage\n"
        "home = HomePage.objects.get(locale__language_code='nb')\n"
        f"home.title = {title!r}\n"
        "home.save_revision().publish()\n"
    )
    _manage(env, "shell", "--no-imports", "-c", script)
