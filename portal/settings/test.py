"""Settings for the test suite: fast hashing, local memory caches, no real email."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-secret"  # noqa: S105
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
# Static files straight from the source folders: the suite does not run collectstatic.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Two-factor sign-in and login throttling are off for tests about other things, so that
# client.login() and force_login() work as usual (axes needs the request, which
# client.login() does not pass). tests/security/ turns both on.
PORTAL_REQUIRE_2FA = False
AXES_ENABLED = False
