"""Rebuild the portal's search index from the live pages."""

from django.core.management.base import BaseCommand

from search import indexing
from search.backends.base import get_backend, load_backend


class Command(BaseCommand):
    help = "Rebuild the search index (services and guidance pages, every language)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--backend",
            choices=["database", "elasticsearch"],
            help="Rebuild this backend instead of the configured one.",
        )

    def handle(self, *args, **options):
        backend = load_backend(options["backend"]) if options["backend"] else None
        backend = backend or get_backend()
        count = indexing.rebuild(backend)
        if options["verbosity"]:
            self.stdout.write(f"Indexed {count} documents ({backend.name} backend).")
