"""A deployment check: a public server must require two-factor sign-in."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    if settings.PORTAL_REQUIRE_2FA:
        return []
    return [
        checks.Warning(
            "PORTAL_REQUIRE_2FA is off: editors can sign in with a password alone.",
            hint="Use portal.settings.production, which always requires it.",
            id="accounts.W001",
        )
    ]
