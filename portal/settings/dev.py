"""Settings for a developer's machine: debug on, a fixed local secret, console email."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = os.environ.get("DEBUG", "1").lower() in {"1", "true", "yes", "on"}
SECRET_KEY = os.environ.get("SECRET_KEY") or "dev-only-secret-not-for-production"  # noqa: S105
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The demo editor that ./bin/start prints signs in with its password alone; set
# PORTAL_REQUIRE_2FA=1 to try the two-factor set-up on a developer's machine.
PORTAL_REQUIRE_2FA = env_bool("PORTAL_REQUIRE_2FA", False)
