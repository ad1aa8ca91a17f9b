"""Settings for bench/run.py only: the production settings, served over plain HTTP on
loopback, plus the bench URLconf with the bare "ceiling" view.

Never used by a deployment: the ceiling view exists only under these settings.
"""

from portal.settings.production import *  # noqa: F403

# Plain http://127.0.0.1: no redirect to https (HSTS is only sent on https anyway).
SECURE_SSL_REDIRECT = False
ROOT_URLCONF = "bench.urls"
