"""Delete counts of searches without results older than the retention period."""

from django.core.management.base import BaseCommand

from search.models import ZERO_HIT_RETENTION_DAYS, ZeroHitQuery


class Command(BaseCommand):
    help = (
        f"Delete counts of searches without results older than "
        f"{ZERO_HIT_RETENTION_DAYS} days."
    )

    def handle(self, *args, **options):
        deleted = ZeroHitQuery.prune()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} old row(s).")
