"""Email each organisation the services it has not verified within their interval."""

from django.core.management.base import BaseCommand

from directory.review import send_review_reminders


class Command(BaseCommand):
    help = "Remind organisations of services overdue for review (run daily)."

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"Sent {sent} reminder(s).")
