"""Set-up brings a database to a working portal and can run again without duplicates."""

import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page, Site

from directory.models import ServicePage
from portal.models import GuidancePage, HomePage

pytestmark = pytest.mark.django_db


def run_setup(*args):
    call_command("setup_portal", *args, verbosity=0)


def test_setup_creates_all_thirteen_languages_site_and_home_page():
    run_setup("--no-example-content")

    assert Locale.objects.count() == 13
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert site.root_page.live


def test_setup_removes_wagtails_welcome_page():
    run_setup("--no-example-content")

    assert not Page.objects.filter(
        title__startswith="Welcome to your new Wagtail"
    ).exists()


def test_running_setup_twice_creates_nothing_new():
    run_setup()
    counts = (Page.objects.count(), Site.objects.count(), GuidancePage.objects.count())

    run_setup()

    assert (
        Page.objects.count(),
        Site.objects.count(),
        GuidancePage.objects.count(),
    ) == (counts)
    assert counts[2] >= 10
    assert ServicePage.objects.filter(is_example_data=True).count() >= 40


def test_demo_editor_login_is_printed_and_stable(tmp_path, settings, capsys):
    settings.VAR_DIR = tmp_path
    call_command("setup_portal", "--demo-editor", "--no-example-content")
    first = capsys.readouterr().out
    call_command("setup_portal", "--demo-editor", "--no-example-content")
    second = capsys.readouterr().out

    assert "login: demo-redaktor / " in first
    assert first.strip().splitlines()[-1] == second.strip().splitlines()[-1]
