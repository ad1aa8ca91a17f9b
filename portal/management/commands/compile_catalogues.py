"""Compile the portal's .po catalogues into .mo with polib, so set-up needs no GNU
gettext: locale/ and the locale/ folder of each of the project's own apps."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogue_folders():
    """locale/ first, then each project app's own (e.g. accounts/locale/)."""
    folders = [Path(folder) for folder in settings.LOCALE_PATHS]
    for app_config in apps.get_app_configs():
        app_path = Path(app_config.path)
        # Only the project's own top-level apps: installed packages ship compiled
        # catalogues, and .venv may sit inside BASE_DIR.
        if (
            app_path.parent == Path(settings.BASE_DIR)
            and (app_path / "locale").is_dir()
        ):
            folders.append(app_path / "locale")
    return folders


class Command(BaseCommand):
    help = (
        "Compile the portal's translation catalogues (locale/<lang>/LC_MESSAGES/*.po "
        "and <app>/locale/<lang>/LC_MESSAGES/*.po)."
    )

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in catalogue_folders():
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if (
                    mo_path.exists()
                    and mo_path.stat().st_mtime >= po_path.stat().st_mtime
                ):
                    continue
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
        self.stdout.write(f"Compiled {compiled} catalogue(s).")
