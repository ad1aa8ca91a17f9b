"""Back up the portal's database and media files into a new folder."""

from django.core.management.base import BaseCommand, CommandError

from portal.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Back up the database (SQLite backup API or pg_dump) and the media files "
        "into FOLDER, with a manifest of what was saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a new or empty folder")
        parser.add_argument("--database", default="default")

    def handle(self, *args, folder, database, **options):
        try:
            manifest = backup(folder, using=database)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        counts = ", ".join(f"{k} {v}" for k, v in manifest["inventory"].items())
        self.stdout.write(f"Backed up to {folder}: {counts}.")
