"""Every editor signs in with a password and a one-time code before any admin page."""

import pytest

from .conftest import EDITOR_PASSWORD, current_code, sign_in

pytestmark = pytest.mark.django_db

SET_UP = "/admin/two-factor/set-up/"
VERIFY = "/admin/two-factor/verify/"


def test_editor_without_an_authenticator_is_sent_to_set_one_up(client, editor):
    sign_in(client)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next=/admin/"


def test_editor_with_an_authenticator_is_asked_for_a_code_first(
    client, editor, authenticator
):
    sign_in(client)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=/admin/pages/"


def test_password_and_current_code_open_the_dashboard(client, editor, authenticator):
    sign_in(client)

    response = client.post(
        VERIFY, {"code": current_code(authenticator), "next": "/admin/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(client, editor, authenticator):
    sign_in(client)
    wrong = f"{(int(current_code(authenticator)) + 500_000) % 1_000_000:06d}"

    response = client.post(
        VERIFY, {"code": wrong, "next": "/admin/"}, HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 200
    assert "That code did not work" in response.content.decode()
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=/admin/"


def test_the_django_admin_needs_the_code_too(client, editor, authenticator):
    sign_in(client)

    response = client.get("/django-admin/")

    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=/django-admin/"


def test_set_up_page_shows_the_secret_and_address_as_text_and_a_local_qr_code(
    client, editor
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sign_in(client)

    html = client.get(SET_UP).content.decode()

    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "otpauth://totp/" in html
    assert device.config_url.replace("&", "&amp;") in html
    assert "<svg" in html
    assert "https://" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]


def test_reloading_the_set_up_page_keeps_the_same_secret(client, editor):
    sign_in(client)

    first = client.get(SET_UP).context["secret"]
    second = client.get(SET_UP).context["secret"]

    assert first == second


def test_setting_up_an_authenticator_opens_the_admin_and_gives_backup_codes(
    client, editor
):
    from django_otp.plugins.otp_totp.models import TOTPDevice

    sign_in(client)
    client.get(SET_UP)
    device = TOTPDevice.objects.get(user=editor, confirmed=False)

    response = client.post(SET_UP, {"code": current_code(device), "next": "/admin/"})

    device.refresh_from_db()
    assert device.confirmed
    assert response.status_code == 200
    assert len(response.context["codes"]) == 10
    assert client.get("/admin/").status_code == 200


def test_a_backup_code_works_once(client, editor, authenticator):
    from accounts.two_factor import new_backup_codes

    code = new_backup_codes(editor)[0]
    sign_in(client)
    assert client.post(VERIFY, {"code": code})["Location"] == "/admin/"
    client.post("/admin/logout/")

    sign_in(client)
    response = client.post(VERIFY, {"code": code})

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


def test_a_password_alone_cannot_add_another_authenticator(
    client, editor, authenticator
):
    sign_in(client)

    response = client.get(SET_UP)

    assert response.status_code == 302
    assert response["Location"].startswith(VERIFY)


def test_after_the_code_the_editor_goes_only_to_an_address_on_this_site(
    client, editor, authenticator
):
    sign_in(client)

    response = client.post(
        VERIFY,
        {"code": current_code(authenticator), "next": "https://elsewhere.example/"},
    )

    assert response["Location"] == "/admin/"


def test_two_factor_pages_speak_norwegian(client, editor):
    sign_in(client)

    html = client.get(SET_UP, HTTP_ACCEPT_LANGUAGE="nb").content.decode()

    assert "Sett opp totrinnsinnlogging" in html


def test_public_pages_are_not_touched_by_two_factor(client, editor, home_page):
    sign_in(client)

    response = client.get("/nb/")

    assert response.status_code == 200


def test_without_the_flag_a_password_opens_the_admin(client, editor, settings):
    # Developer machines only: dev settings default the flag off for the demo editor.
    settings.PORTAL_REQUIRE_2FA = False
    sign_in(client)

    assert client.get("/admin/").status_code == 200


def test_deployment_check_warns_when_two_factor_is_off(settings):
    from accounts.checks import two_factor_required

    settings.PORTAL_REQUIRE_2FA = False

    assert [w.id for w in two_factor_required(None)] == ["accounts.W001"]


def test_editor_password_is_long_enough_for_the_validators():
    from django.contrib.auth.password_validation import validate_password

    validate_password(EDITOR_PASSWORD)
