"""Restore a backup made by backup_portal into an empty database."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore FOLDER (made by backup_portal) into an EMPTY database and the media "
        "folder, then check that every page, revision, service and translation is back."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--database", default="default")

    def handle(self, *args, folder, database, **options):
        try:
            expected, found = restore(folder, using=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        missing = {
            k: (v, found.get(k)) for k, v in expected.items() if found.get(k) != v
        }
        if missing:
            raise CommandError(
                "Restored, but the inventory differs from the backup's "
                f"(expected, found): {missing}"
            )
        counts = ", ".join(f"{k} {v}" for k, v in found.items())
        self.stdout.write(f"Restored from {folder}: {counts}.")
