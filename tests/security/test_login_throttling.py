"""Password guessing stops after five tries: the account locks for 30 minutes, and
the portal keeps no record of where editors sign in from."""

from datetime import timedelta

import pytest
from django.utils import timezone

from .conftest import EDITOR_PASSWORD, sign_in

pytestmark = pytest.mark.django_db


def fail(client, times, **extra):
    for _ in range(times):
        response = sign_in(client, password="not-the-password", **extra)
        assert response.status_code in {200, 429}


def test_after_five_wrong_passwords_the_right_one_is_refused(client, editor):
    fail(client, 5)

    response = sign_in(client, password=EDITOR_PASSWORD, HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert client.get("/admin/")["Location"].startswith("/admin/login/")


def test_four_wrong_passwords_do_not_lock_the_account(client, editor):
    fail(client, 4)

    response = sign_in(client, password=EDITOR_PASSWORD)

    assert response.status_code == 302


def test_the_lock_holds_whatever_browser_or_address_the_guesses_come_from(
    client, editor
):
    for number in range(5):
        sign_in(
            client,
            password="not-the-password",
            HTTP_USER_AGENT=f"browser {number}",
            REMOTE_ADDR=f"192.0.2.{number}",
        )

    response = sign_in(client, password=EDITOR_PASSWORD, REMOTE_ADDR="198.51.100.7")

    assert response.status_code == 429


def test_the_lock_ends_after_thirty_minutes(client, editor):
    from axes.models import AccessAttempt

    fail(client, 5)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=31))

    response = sign_in(client, password=EDITOR_PASSWORD)

    assert response.status_code == 302


def test_trying_again_during_the_lock_does_not_make_it_longer(client, editor):
    from axes.models import AccessAttempt

    fail(client, 5)
    locked_at = timezone.now() - timedelta(minutes=20)
    AccessAttempt.objects.update(attempt_time=locked_at)

    assert sign_in(client, password=EDITOR_PASSWORD).status_code == 429
    fail(client, 1)

    attempt = AccessAttempt.objects.get()
    assert attempt.attempt_time == locked_at
    assert attempt.failures_since_start == 5


def test_no_ip_address_is_stored_and_successful_sign_ins_are_not_logged(client, editor):
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    fail(client, 2, REMOTE_ADDR="192.0.2.10")
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [None]

    sign_in(client, password=EDITOR_PASSWORD, REMOTE_ADDR="192.0.2.10")

    assert not AccessAttempt.objects.exists()
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_the_locked_out_page_is_in_norwegian_for_norwegian_editors(client, editor):
    fail(client, 5)

    response = sign_in(client, HTTP_ACCEPT_LANGUAGE="nb")

    assert "For mange forsøk" in response.content.decode()
