"""Nothing lost: a backup restored into an EMPTY database (and an empty media folder)
brings back every page, revision, service, translation and uploaded file."""

import json
import os
import shutil
import subprocess
import sys
import uuid
from io import BytesIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.wagtail_roots import ensure_wagtail_roots

# Committed data: the backup reads the database from outside the test's transaction.
pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]

# Run in the restored portal: everything a visitor or editor would miss, by identity.
INVENTORY = """
import json
from wagtail.images.models import Image
from wagtail.models import Page, Revision
from directory.models import ServicePage
print(json.dumps({
    "pages": sorted(
        [str(p.translation_key), p.locale.language_code, p.title, p.url_path, p.live]
        for p in Page.objects.select_related("locale")
    ),
    "revisions": sorted(
        [r.object_id, r.content.get("title", "")] for r in Revision.objects.all()
    ),
    "services": sorted(str(s.hsds_id) for s in ServicePage.objects.all()),
    "images": sorted(i.file.name for i in Image.objects.all()),
}))
"""


def needs(program):
    if shutil.which(program):
        return
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{program} is required in CI", pytrace=False)
    pytest.skip(f"{program} not found (install PostgreSQL's client programs)")


def run_portal(args, database_url, media_root):
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        DJANGO_SETTINGS_MODULE="portal.settings.test",
    )
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture(autouse=True)
def page_tree_root(transactional_db):
    """The page tree's and the collections' roots, as Wagtail's migrations make them:
    an earlier test that commits (the browser tests) ends with the tables emptied."""
    ensure_wagtail_roots()


@pytest.fixture
def empty_database(tmp_path):
    """The URL of a new, empty database of the same kind as the test database."""
    vendor = connection.vendor
    if vendor == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    if vendor != "postgresql":
        pytest.skip(f"no backup method for {vendor}")
    needs("pg_dump")
    needs("pg_restore")
    db = connection.settings_dict
    name = f"restored_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    auth = db["USER"] + (f":{db['PASSWORD']}" if db.get("PASSWORD") else "")
    yield f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def portal_with_history(home_page, settings, tmp_path):
    """Pages with several revisions, a translation, services and an uploaded image."""
    from django.core.files.images import ImageFile
    from PIL import Image as Picture
    from wagtail.images.models import Image
    from wagtail.models import Locale

    from portal.models import GuidancePage
    from tests.directory import factories

    settings.MEDIA_ROOT = str(tmp_path / "media")
    factories.make_taxonomy()
    factories.import_services(
        factories.service_record("Krisesenteret i Testby"),
        factories.service_record("Politiet i Testby", organisation="Politiet"),
    )
    page = GuidancePage(
        title="Hva er vold?",
        slug="hva-er-vold",
        summary="Vold er aldri din skyld.",
        body=[{"type": "paragraph", "value": "<p>Du kan få hjelp.</p>"}],
        locale=home_page.locale,
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    page.title = "Hva er vold? (utkast)"
    page.save_revision()  # a draft on top of the published version
    english = page.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "What is violence?"
    english.save_revision().publish()

    picture = BytesIO()
    Picture.new("RGB", (40, 30), "#7a3").save(picture, "PNG")
    Image.objects.create(
        title="Eksempelbilde", file=ImageFile(picture, name="eksempel.png")
    )


def test_a_backup_restored_into_an_empty_database_brings_everything_back(
    portal_with_history, empty_database, tmp_path, settings
):
    source_media = Path(settings.MEDIA_ROOT)
    restored_media = tmp_path / "restored-media"
    call_command("backup_portal", str(tmp_path / "backup"), verbosity=0)
    before = json.loads(_inventory_here())

    restored = run_portal(
        ["restore_portal", str(tmp_path / "backup")], empty_database, restored_media
    )
    assert restored.returncode == 0, restored.stderr[-2000:]
    listed = run_portal(["shell", "-c", INVENTORY], empty_database, restored_media)
    assert listed.returncode == 0, listed.stderr[-2000:]
    after = json.loads(listed.stdout.strip().splitlines()[-1])

    assert after == before
    assert len(after["services"]) == 2
    assert {lang for _key, lang, *_rest in after["pages"]} >= {"nb", "en"}
    assert any("(utkast)" in title for _id, title in after["revisions"])
    for name in after["images"]:
        assert (restored_media / name).read_bytes() == (
            source_media / name
        ).read_bytes()


def test_restore_refuses_a_database_that_is_not_empty(
    portal_with_history, tmp_path, capsys
):
    from django.core.management.base import CommandError

    call_command("backup_portal", str(tmp_path / "backup"), verbosity=0)

    with pytest.raises(CommandError, match="not empty"):
        call_command("restore_portal", str(tmp_path / "backup"), verbosity=0)


def _inventory_here():
    """The same listing, taken from the test database the backup was made of."""
    from contextlib import redirect_stdout
    from io import StringIO

    out = StringIO()
    with redirect_stdout(out):
        exec(INVENTORY, {})  # noqa: S102 - our own constant
    return out.getvalue()
