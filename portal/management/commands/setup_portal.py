"""Bring a database to a working portal: languages, site, home page, example content.

Safe to run again: everything is looked up before it is created.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale, Page, Site

from directory.setup import ensure_directory
from portal.models import HomePage

DEMO_EDITOR = "demo-redaktor"


class Command(BaseCommand):
    help = "Create languages, site and home page, and load the example content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--no-example-content",
            action="store_true",
            help="Only languages, site and home page (for production).",
        )
        parser.add_argument(
            "--demo-editor",
            action="store_true",
            help="Create a demo editor and print its login (never in production).",
        )
        parser.add_argument("--hostname", default="localhost")
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, **options):
        with transaction.atomic():
            ensure_locales()
            home = ensure_home_page()
            ensure_site(home, options["hostname"], options["port"])
            # The directory, its moderators, workflow and editor groups: page
            # permissions need the pages, so they are made here, not in a migration.
            ensure_directory(home)
        if not options["no_example_content"]:
            call_command("load_example_content", verbosity=options["verbosity"])
        if options["demo_editor"]:
            username, password = ensure_demo_editor()
            if settings.PORTAL_REQUIRE_2FA:
                self.stdout.write(
                    "Two-factor sign-in is on: at first sign-in the admin asks the "
                    "editor to set up an authenticator app."
                )
            self.stdout.write(
                f"Admin: {settings.WAGTAILADMIN_BASE_URL}/admin/  "
                f"login: {username} / {password}"
            )


def ensure_locales():
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)


def ensure_home_page():
    default_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.filter(locale=default_locale).first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    # Wagtail's migrations leave a "Welcome" page as the site root; the home page takes
    # its place.
    for page in root.get_children().exact_type(Page):
        page.delete()
    home = HomePage(
        title="Hjelp ved vold i nære relasjoner",
        slug="hjem",
        locale=default_locale,
        intro=(
            "<p>Her finner du hjelp hvis noen i familien din bruker vold, truer "
            "eller kontrollerer deg. Hjelpen er gratis, og mange steder kan du "
            "være anonym.</p>"
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    return home


def ensure_site(home, hostname, port):
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname=hostname,
            port=port,
            root_page=home,
            is_default_site=True,
            site_name=settings.WAGTAIL_SITE_NAME,
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = settings.WAGTAIL_SITE_NAME
        site.save()


def ensure_demo_editor():
    """A demo editor with a random password kept in var/; a re-run prints it again."""
    password_file = settings.VAR_DIR / "demo-editor-password.txt"
    user_model = get_user_model()
    user = user_model.objects.filter(username=DEMO_EDITOR).first()
    if user is None or not password_file.exists():
        password = secrets.token_urlsafe(12)
        settings.VAR_DIR.mkdir(parents=True, exist_ok=True)
        password_file.write_text(password)
        password_file.chmod(0o600)
        user = user or user_model(username=DEMO_EDITOR, email="redaktor@example.org")
        user.is_staff = False
        user.is_superuser = True
        user.set_password(password)
        user.save()
        user.groups.add(Group.objects.get_or_create(name="Moderators")[0])
    return DEMO_EDITOR, password_file.read_text().strip()
