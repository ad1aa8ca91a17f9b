"""Settings for a developer's machine: debug on, a fixed local secret, console email."""

import os

from .base import *  # noqa: F403

DEBUG = os.environ.get("DEBUG", "1").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-not-for-production"  # noqa: S105
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
