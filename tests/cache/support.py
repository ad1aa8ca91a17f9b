"""Helpers for the page-cache tests."""

import time


def wait_for_fresh_minute(margin=5.0):
    """Cached pages end at the next whole minute: wait until at least `margin`
    seconds of the current minute are left, so that the end of a minute cannot pass
    between two visits a test compares."""
    if 60 - time.time() % 60 < margin:
        time.sleep(60 - time.time() % 60 + 0.2)
