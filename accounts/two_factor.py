"""Two-factor sign-in for editors: authenticator apps (TOTP) and one-time backup codes.

Built directly on django-otp. wagtail-2fa 1.8.0 would install (it asks for
Wagtail>=7.0) but declares only Wagtail 2-4 and Django 3.2-4.2 as supported, brings
six and qrcode along, and has no Norwegian text.
"""

from base64 import b32encode

import django_otp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR = "authenticator"
BACKUP_CODES = "backup codes"
BACKUP_CODE_COUNT = 10


def has_device(user):
    return django_otp.user_has_device(user, confirmed=True)


def unconfirmed_authenticator(user):
    """The device being set up; the same one on every reload until it is confirmed."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(
        user=user, name=AUTHENTICATOR, confirmed=False
    )


def secret_for_typing(device):
    """The secret in base32, in groups of four, for apps that cannot scan a code."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_svg(device):
    """The provisioning URI as an inline SVG QR code, drawn here: no other host."""
    import segno  # only editors setting up sign-in need it, not public workers

    return segno.make(device.config_url, error="m").svg_inline(
        scale=5, dark="#000", light="#fff"
    )


def confirm_authenticator(device, code):
    """Confirm the device if the code is right; the first code proves the app works."""
    if not device.verify_token(normalise(code)):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    # One authenticator per editor: a new phone replaces the old one.
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    return True


def new_backup_codes(user):
    """Replace the editor's backup codes with new ones; each works once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)
    return codes


def verify_code(user, code):
    """The device that accepts the code, or None.

    A six-digit code is only tried on the authenticator and anything else only on the
    backup codes, so that a backup code does not count as a wrong authenticator code
    in django-otp's throttling (which slows down guessing after each miss).
    """
    code = normalise(code)
    is_authenticator_code = len(code) == 6 and code.isdigit()
    model = TOTPDevice if is_authenticator_code else StaticDevice
    for device in model.objects.devices_for_user(user, confirmed=True):
        verified = django_otp.verify_token(user, device.persistent_id, code)
        if verified is not None:
            return verified
    return None


def normalise(code):
    return "".join(code.split()).lower()
