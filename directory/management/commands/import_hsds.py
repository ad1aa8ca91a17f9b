"""Import an HSDS 3.0 services page, a translation set, or a taxonomy file."""

from django.core.management.base import BaseCommand, CommandError

from directory.hsds import ImportFailed, import_file


class Command(BaseCommand):
    help = (
        "Import an HSDS 3.0 /services document, a translation set of the same ids "
        "(--language), or a taxonomy file. All or nothing; read item by item."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument(
            "--language",
            help="The language of a translation set, e.g. en (default: Norwegian).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change."
        )

    def handle(self, *args, path, language, dry_run, **options):
        try:
            report = import_file(path, language=language, dry_run=dry_run)
        except ImportFailed as failure:
            for problem in failure.problems:
                self.stderr.write(problem)
            raise CommandError(
                f"{len(failure.problems)} problem(s) in {path}; nothing was imported."
            ) from failure
        except OSError as exc:
            raise CommandError(f"Cannot read {path}: {exc.strerror}") from exc
        if options["verbosity"] > 1:
            for line in report.created:
                self.stdout.write(f"+ {line}")
            for line in report.updated:
                self.stdout.write(f"~ {line}")
            for line in report.unchanged:
                self.stdout.write(f"= {line}")
        self.stdout.write(("Dry run: " if dry_run else "") + report.summary())
