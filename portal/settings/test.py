"""Settings for the test suite: fast hashing, file caches of its own, no real email."""

import atexit
import os
import shutil
import tempfile

from .base import *  # noqa: F403
from .base import cache_settings, env_bool

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
# Shared caches as in production (files, or Redis with CACHE_URL), in a directory of
# this test process's own, so parallel runs never clear each other's entries. Whole-page
# caching is off unless PAGE_CACHE=on: tests/cache/ turns it on and holds it to its
# rules, while other tests see every change they make at once.
_TEST_CACHE_DIR = tempfile.mkdtemp(prefix="portal-test-cache-")
atexit.register(shutil.rmtree, _TEST_CACHE_DIR, True)
CACHES = cache_settings(os.environ.get("CACHE_URL", ""), _TEST_CACHE_DIR)
PAGE_CACHE = env_bool("PAGE_CACHE", False)
# The site shell's shared parts (portal/shell_cache.py) likewise: tests that turn it on
# prove that a publish reaches them.
PORTAL_SHELL_CACHE = env_bool("PORTAL_SHELL_CACHE", False)
