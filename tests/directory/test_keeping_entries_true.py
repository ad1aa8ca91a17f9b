"""Overdue entries are flagged and reminded; visitors can report errors safely."""

import datetime as dt

import pytest
from django.core import mail
from django.core.management import call_command

from directory.models import ErrorReport
from directory.review import overdue_services

pytestmark = pytest.mark.django_db


def test_service_past_its_review_interval_is_overdue(make_service):
    fresh = make_service("Fersk", assured_date=dt.date.today().isoformat())
    stale = make_service("Gammel", assured_date="2024-01-15")

    overdue = overdue_services()

    assert stale.pk in [s.pk for s in overdue]
    assert fresh.pk not in [s.pk for s in overdue]


def test_reminder_command_emails_the_organisation_once(make_service):
    make_service("Gammel 1", organisation="Treg org", assured_date="2024-01-15")
    make_service("Gammel 2", organisation="Treg org", assured_date="2024-02-15")

    call_command("send_review_reminders", verbosity=0)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["org@example.org"]
    assert "Gammel 1" in mail.outbox[0].body and "Gammel 2" in mail.outbox[0].body


def test_admin_dashboard_shows_due_for_review(admin_client, make_service):
    make_service("Må sjekkes", assured_date="2024-01-15")

    html = admin_client.get("/admin/").content.decode()

    assert "due-for-review-heading" in html
    assert "Må sjekkes" in html


def test_visitor_reports_an_error_without_giving_anything_about_themselves(
    client, make_service
):
    service = make_service("Feil nummer")
    url = f"/nb/meld-feil/{service.pk}/"

    form = client.get(url)
    sent = client.post(url, {"problem": "phone", "message": "Nummeret er feil."})

    assert form.status_code == 200 and not form.cookies
    assert sent.status_code == 302 and not sent.cookies
    report = ErrorReport.objects.get()
    assert report.service_id == service.pk and report.message == "Nummeret er feil."
    assert {f.name for f in ErrorReport._meta.get_fields()} == {
        "id",
        "service",
        "problem",
        "message",
        "received_on",
        "resolved",
    }
    assert mail.outbox and "Feil nummer" in mail.outbox[0].subject


def test_error_reports_are_rate_limited(client, make_service):
    service = make_service("Populær")
    url = f"/nb/meld-feil/{service.pk}/"

    codes = [client.post(url, {"problem": "other"}).status_code for _ in range(7)]

    assert codes[:5] == [302] * 5
    assert codes[-1] == 429


def test_cross_site_posts_are_refused(client, make_service):
    service = make_service("Trygg")

    response = client.post(
        f"/nb/meld-feil/{service.pk}/",
        {"problem": "other"},
        HTTP_ORIGIN="https://evil.example.com",
    )

    assert response.status_code == 400
    assert not ErrorReport.objects.exists()


def test_invalid_report_shows_the_form_again_not_an_error(client, make_service):
    service = make_service("Skjema")

    response = client.post(f"/nb/meld-feil/{service.pk}/", {"problem": "nonsense"})

    assert response.status_code == 200
    assert not ErrorReport.objects.exists()
