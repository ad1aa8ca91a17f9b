"""A server process with the database search backend never imports what it does not
use (issue 10, worker memory): not the Elasticsearch client, not the `holidays`
package, whose import loads the holiday rules of every country (about 15 MB), and not
segno, which draws the QR code for editors setting up two-factor sign-in.

Checked in a fresh Python process that serves real requests through the WSGI
application, as a gunicorn worker does: importing a module anywhere in the test suite
would hide it in this process."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from tests.directory import factories
from tests.wagtail_roots import ensure_wagtail_roots

ROOT = Path(__file__).resolve().parents[2]
NEVER_IMPORTED = ("elasticsearch", "elastic_transport", "holidays", "segno")
SERVICE = "Krisesenteret i Bergen"

SERVE = """
import io, json, os, sys
from portal.wsgi import application

def get(path):
    path, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET", "PATH_INFO": path, "QUERY_STRING": query,
        "SERVER_NAME": "localhost", "SERVER_PORT": "80", "HTTP_HOST": "localhost",
        "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
    }
    status = []
    body = b"".join(application(environ, lambda s, h, e=None: status.append(s)))
    return status[0], body.decode()

answers = {path: get(path) for path in sys.argv[1:]}
print(json.dumps({
    "answers": answers,
    "modules": sorted(
        name for name in sys.modules
        if name.split(".")[0] in os.environ["NEVER_IMPORTED"].split()
    ),
}))
"""


def database_url(tmp_path):
    """The test database, for a second process: a copy of SQLite's in-memory
    database, or the same PostgreSQL test database (its rows are committed)."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        copy = tmp_path / "portal.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(copy)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{copy}"
    return (
        f"postgres://{settings['USER']}:{settings['PASSWORD']}@{settings['HOST']}:"
        f"{settings['PORT']}/{settings['NAME']}"
    )


def test_public_pages_and_search_import_no_elasticsearch_nor_holidays(
    portal_site, transactional_db, tmp_path
):
    factories.make_taxonomy()
    factories.import_services(
        factories.service_record(SERVICE, organisation="Bergen kommune")
    )
    from directory.models import ServicePage

    service = ServicePage.objects.get(locale__language_code="nb")
    paths = [
        "/nb/",
        service.url,
        "/nb/sok/?q=krisesenter",
        "/api/search/?q=krisesenter",
        "/ar/sok/?q=krisesenter",
    ]
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "SEARCH_BACKEND", "PAGE_CACHE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.test",
        DATABASE_URL=database_url(tmp_path),
        SEARCH_BACKEND="database",
        PORTAL_VAR_DIR=str(tmp_path),
        NEVER_IMPORTED=" ".join(NEVER_IMPORTED),
    )
    done = subprocess.run(
        [sys.executable, "-c", SERVE, *paths],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])

    for path in paths:
        status, _body = report["answers"][path]
        assert status.startswith("200"), (path, status)
    # The searches really ran and found the service.
    assert SERVICE in report["answers"]["/nb/sok/?q=krisesenter"][1]
    assert SERVICE in report["answers"]["/api/search/?q=krisesenter"][1]
    assert report["modules"] == []


@pytest.fixture
def portal_site(transactional_db):
    """The languages, site and home page, committed. An earlier test that commits
    ends with the tables emptied: the page tree's and the collections' roots, which
    Wagtail's migrations make, are made again if they are missing."""
    from portal.management.commands.setup_portal import ensure_home_page, ensure_site

    ensure_wagtail_roots()
    home = ensure_home_page()
    return ensure_site(home, "localhost", 80) or home.get_site()
