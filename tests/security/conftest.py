"""Fixtures for the safety, privacy and security specifications: the protections on."""

import pytest
from django_otp.oath import totp

EDITOR_PASSWORD = "a-long-editor-password-2024"


@pytest.fixture(autouse=True)
def protections_on(settings):
    """Two-factor sign-in and login throttling, as in production (test settings turn
    both off for tests about other things)."""
    settings.PORTAL_REQUIRE_2FA = True
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(db, django_user_model):
    return django_user_model.objects.create_superuser(
        username="redaktor", email="redaktor@example.org", password=EDITOR_PASSWORD
    )


@pytest.fixture
def authenticator(editor):
    """A confirmed authenticator app (TOTP device) on the editor's phone."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)


def current_code(device):
    """The six-digit code the editor's authenticator app shows right now."""
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:06d}"


def sign_in(client, username="redaktor", password=EDITOR_PASSWORD, **extra):
    """Sign in through Wagtail's own admin login form, as a browser does."""
    return client.post(
        "/admin/login/",
        {"username": username, "password": password, "next": "/admin/"},
        **extra,
    )
