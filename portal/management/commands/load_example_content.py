"""Load the portal's own example content (clearly marked as example data)."""

import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction

from directory.models import ServicePage
from portal.example_content import load_guidance

EXAMPLE_DATA = Path(__file__).resolve().parents[3] / "directory" / "example_data"


class Command(BaseCommand):
    help = "Load the example directory and guidance pages (safe to run again)."

    def handle(self, *args, **options):
        verbosity = options["verbosity"]
        with transaction.atomic():
            for name, language in self.directory_files():
                if verbosity:
                    self.stdout.write(f"Example directory: {name}")
                call_command(
                    "import_hsds",
                    str(EXAMPLE_DATA / name),
                    language=language,
                    verbosity=verbosity,
                    stdout=self.stdout,
                )
            created = load_guidance()
        if verbosity:
            self.stdout.write(f"Example guidance: {created} page(s) created.")

    def directory_files(self):
        """The example files, or nothing when every example service is already in:
        a second run of set-up must neither duplicate nor re-publish."""
        services = json.loads((EXAMPLE_DATA / "services.hsds.json").read_text())
        ids = [item["id"] for item in services["contents"]]
        if ServicePage.objects.filter(hsds_id__in=ids).count() >= len(ids):
            return []
        return [
            ("taxonomy.json", None),
            ("services.hsds.json", None),
            ("services.en.hsds.json", "en"),
        ]
