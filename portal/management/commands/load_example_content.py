"""Load the portal's own example content (clearly marked as example data)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from portal.example_content import load_guidance


class Command(BaseCommand):
    help = "Load the example guidance pages and directory (idempotent)."

    def handle(self, *args, **options):
        with transaction.atomic():
            created = load_guidance()
        self.stdout.write(f"Example guidance: {created} page(s) created.")
