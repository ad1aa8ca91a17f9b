"""Backup and restore of the whole portal (database and media) with the database's
own tools: SQLite's online backup API, PostgreSQL's pg_dump/pg_restore.

A backup is a folder: `database.sqlite3` or `database.pgdump`, `media.tar.gz` and
`manifest.json` (what was saved: vendor, time, and an inventory of pages, revisions,
services and translations that a restore is checked against).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.pgdump"
MEDIA_FILE = "media.tar.gz"
MANIFEST = "manifest.json"


class BackupError(Exception):
    """A backup or restore cannot go on; the message says why in one sentence."""


def inventory(using="default"):
    """What must come back after a restore: every page (with its language and
    translation key), revision, service, organisation and language, by count."""
    from wagtail.models import Locale, Page, Revision

    from directory.models import OrganisationPage, ServicePage

    return {
        "locales": Locale.objects.using(using).count(),
        "pages": Page.objects.using(using).count(),
        "live_pages": Page.objects.using(using).live().count(),
        "translated_pages": Page.objects.using(using)
        .exclude(locale__language_code=settings.LANGUAGE_CODE)
        .count(),
        "revisions": Revision.objects.using(using).count(),
        "services": ServicePage.objects.using(using).count(),
        "organisations": OrganisationPage.objects.using(using).count(),
    }


def _media_root():
    return Path(settings.MEDIA_ROOT)


def _pg_environment(db):
    env = dict(os.environ)
    for key, name in (
        ("HOST", "PGHOST"),
        ("PORT", "PGPORT"),
        ("USER", "PGUSER"),
        ("PASSWORD", "PGPASSWORD"),
    ):
        if db.get(key):
            env[name] = str(db[key])
    env["PGDATABASE"] = db["NAME"]
    return env


def _pg_tool(name):
    found = shutil.which(name)
    if not found:
        raise BackupError(f"{name} not found: install PostgreSQL's client programs")
    return found


def backup(folder, using="default"):
    """Write a backup of the database and the media files into `folder` (new or
    empty). Returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: give a new folder for the backup")
    folder.mkdir(parents=True, exist_ok=True)
    connection = connections[using]
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_FILE) as target:
            # The online backup API: a consistent copy while the portal runs.
            connection.connection.backup(target)
        target.close()
    elif vendor == "postgresql":
        subprocess.run(  # noqa: S603 - fixed program, arguments are ours
            [
                _pg_tool("pg_dump"),
                "--format=custom",
                "--no-owner",
                "--no-privileges",
                "--file",
                str(folder / PG_FILE),
            ],
            env=_pg_environment(connection.settings_dict),
            check=True,
        )
    else:
        raise BackupError(f"no backup method for the {vendor} database")
    media = _media_root()
    with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
        if media.is_dir():
            archive.add(media, arcname="media")
    manifest = {
        "vendor": vendor,
        "created": timezone.now().isoformat(),
        "inventory": inventory(using),
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def _is_empty(connection):
    with connection.cursor() as cursor:
        return not connection.introspection.table_names(cursor)


def restore(folder, using="default"):
    """Restore a backup folder into an EMPTY database and the media folder, then
    check the inventory against the manifest. Returns (expected, found)."""
    folder = Path(folder)
    try:
        manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{folder} holds no readable {MANIFEST}") from exc
    connection = connections[using]
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            f"the backup is of a {manifest['vendor']} database, "
            f"this is {connection.vendor}"
        )
    if not _is_empty(connection):
        raise BackupError(
            "the database is not empty: restore into a new, empty database"
        )
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        with sqlite3.connect(folder / SQLITE_FILE) as source:
            source.backup(connection.connection)
        source.close()
    else:
        subprocess.run(  # noqa: S603 - fixed program, arguments are ours
            [
                _pg_tool("pg_restore"),
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--exit-on-error",
                "--dbname",
                connection.settings_dict["NAME"],
                str(folder / PG_FILE),
            ],
            env=_pg_environment(connection.settings_dict),
            check=True,
        )
    media = _media_root()
    media.mkdir(parents=True, exist_ok=True)
    with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
        for member in archive.getmembers():
            if member.name == "media":
                continue
            member.name = member.name.removeprefix("media/")
            # The "data" filter refuses absolute paths, links out of the folder
            # and device files.
            archive.extract(member, media, filter="data")
    found = inventory(using)
    return manifest["inventory"], found
