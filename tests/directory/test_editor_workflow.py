"""A partner editor's change, from sign-in to the public page, as the admin does it
over HTTP: password and code, edit, preview, submit, a moderator approves, the audit
log shows who did what; and a change scheduled for later goes live on time."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import PageLogEntry, Revision

from directory.models import ServicePage
from directory.permissions import MODERATORS, partner_group
from tests.directory.admin_forms import edit_form

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password-2026"


@pytest.fixture(autouse=True)
def protections_on(settings):
    """Two-factor sign-in and login throttling on, as in production."""
    settings.PORTAL_REQUIRE_2FA = True
    settings.AXES_ENABLED = True


def person(username, group):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org"
    )
    user.groups.add(group)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    return user, device


def sign_in(client, user, device):
    """Password on Wagtail's login form, then the authenticator's current code."""
    client.post(
        "/admin/login/",
        {"username": user.username, "password": PASSWORD, "next": "/admin/"},
    )
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    verified = client.post(
        "/admin/two-factor/verify/", {"code": f"{code:06d}", "next": "/admin/"}
    )
    assert verified["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    return client


@pytest.fixture
def service(make_service):
    return make_service("Krisetelefonen", organisation="Vestland krisesenter")


@pytest.fixture
def editor(client, service):
    user, device = person("redaktor-a", partner_group(service.get_parent()))
    return sign_in(client, user, device), user


@pytest.fixture
def moderator(service):
    user, device = person("moderator", Group.objects.get(name=MODERATORS))
    return sign_in(Client(), user, device), user


def public_html(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def approve(moderator_client, page):
    task_state = page.current_workflow_task_state
    response = moderator_client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/",
        {"comment": "Sjekket mot nettsiden."},
    )
    assert response.status_code == 302


def test_an_editors_change_is_previewed_submitted_approved_and_logged(
    editor,
    moderator,
    service,
):
    editor_client, editor_user = editor
    moderator_client, moderator_user = moderator
    today = timezone.localdate()
    data = edit_form(
        editor_client,
        service,
        description="Ny beskrivelse: åpent hele døgnet.",
        assured_date=today.isoformat(),
        review_interval_days="90",
    )

    checked = editor_client.post(f"/admin/pages/{service.pk}/edit/preview/", data)
    preview = editor_client.get(f"/admin/pages/{service.pk}/edit/preview/")
    submitted = editor_client.post(
        f"/admin/pages/{service.pk}/edit/", {**data, "action-submit": "submit"}
    )

    assert checked.json()["is_valid"] is True
    assert "Ny beskrivelse: åpent hele døgnet." in preview.content.decode()
    assert submitted.status_code == 302
    page = ServicePage.objects.get(pk=service.pk)
    assert page.workflow_in_progress
    assert "Ny beskrivelse" not in public_html(page)
    assert "Krisetelefonen" in moderator_client.get("/admin/").content.decode()

    approve(moderator_client, page)

    page = ServicePage.objects.get(pk=service.pk)
    assert not page.workflow_in_progress
    assert page.review_interval_days == 90
    html = public_html(page)
    assert "Ny beskrivelse: åpent hele døgnet." in html
    assert (
        f"Sist kontrollert {today.day}. " in html and "av Vestland krisesenter." in html
    )
    actions = {
        (entry.action, entry.user_id)
        for entry in PageLogEntry.objects.filter(page=page)
    }
    assert ("wagtail.workflow.start", editor_user.pk) in actions
    assert ("wagtail.workflow.approve", moderator_user.pk) in actions
    assert ("wagtail.publish", moderator_user.pk) in actions
    history = moderator_client.get(f"/admin/pages/{page.pk}/history/")
    assert history.status_code == 200
    assert "redaktor-a" in history.content.decode()
    assert "moderator" in history.content.decode()


def test_a_change_scheduled_for_later_goes_live_only_when_its_time_comes(
    editor,
    moderator,
    service,
):
    editor_client, _ = editor
    moderator_client, _ = moderator
    later = timezone.localtime() + dt.timedelta(days=2)
    data = edit_form(
        editor_client,
        service,
        title="Krisetelefonen (nytt nummer)",
        go_live_at=later.strftime("%Y-%m-%d %H:%M"),
    )

    editor_client.post(
        f"/admin/pages/{service.pk}/edit/", {**data, "action-submit": "submit"}
    )
    approve(moderator_client, ServicePage.objects.get(pk=service.pk))

    page = ServicePage.objects.get(pk=service.pk)
    scheduled = Revision.page_revisions.get(
        object_id=str(page.pk), approved_go_live_at__isnull=False
    )
    assert page.title == "Krisetelefonen"
    assert "nytt nummer" not in public_html(page)
    assert PageLogEntry.objects.filter(
        page=page, action="wagtail.publish.schedule"
    ).exists()

    # Two days pass: move the scheduled time (on the revision and in its content)
    # into the past, as the clock would, then the scheduler runs as cron runs it.
    past = timezone.now() - dt.timedelta(minutes=1)
    scheduled.approved_go_live_at = past
    scheduled.content["go_live_at"] = past.isoformat()
    scheduled.save(update_fields=["approved_go_live_at", "content"])
    call_command("publish_scheduled", verbosity=0)

    page = ServicePage.objects.get(pk=service.pk)
    assert page.title == "Krisetelefonen (nytt nummer)"
    assert "Krisetelefonen (nytt nummer)" in public_html(page)


def test_an_autosave_during_approval_does_not_approve_a_second_time(
    editor, moderator, service
):
    """What Chromium sent when a moderator clicked "Approve and Publish": the form
    with the action's hidden fields, once by Wagtail's autosave, once as the submit."""
    editor_client, _ = editor
    moderator_client, _ = moderator
    data = edit_form(editor_client, service, description="Endret av partneren.")
    editor_client.post(
        f"/admin/pages/{service.pk}/edit/", {**data, "action-submit": "1"}
    )
    page = ServicePage.objects.get(pk=service.pk)
    clicked = {
        **edit_form(moderator_client, page),
        "action-workflow-action": "true",
        "workflow-action-name": "approve",
    }

    autosave = moderator_client.post(
        f"/admin/pages/{page.pk}/edit/", clicked, HTTP_ACCEPT="application/json"
    )
    still_waiting = ServicePage.objects.get(pk=page.pk).workflow_in_progress
    submit = moderator_client.post(f"/admin/pages/{page.pk}/edit/", clicked)
    late_autosave = moderator_client.post(
        f"/admin/pages/{page.pk}/edit/", clicked, HTTP_ACCEPT="application/json"
    )

    assert autosave.status_code == 200 and still_waiting
    assert submit.status_code == 302
    assert late_autosave.status_code < 500
    page = ServicePage.objects.get(pk=page.pk)
    assert not page.workflow_in_progress
    assert page.description == "Endret av partneren."
    assert not page.has_unpublished_changes


def test_the_admin_names_itself_to_its_own_forms_and_frames_its_preview(
    editor, service
):
    """Browsers send "Origin: null" with form posts from a "no-referrer" page, which
    Django's CSRF check refuses, and a preview the admin frames must allow it."""
    editor_client, _ = editor
    data = edit_form(editor_client, service, description="Forhåndsvisning.")
    editor_client.post(f"/admin/pages/{service.pk}/edit/preview/", data)

    login = Client().get("/admin/login/")
    preview = editor_client.get(f"/admin/pages/{service.pk}/edit/preview/")
    public = Client().get(service.url)

    assert login["Referrer-Policy"] == "same-origin"
    assert public["Referrer-Policy"] == "no-referrer"
    assert "frame-ancestors 'self'" in preview["Content-Security-Policy"]
    assert "'unsafe-inline'" not in preview["Content-Security-Policy"]
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'none'" in public["Content-Security-Policy"]
