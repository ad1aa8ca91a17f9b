"""App config for the site shell."""

from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        # Cached public pages are purged when what they show is published or changed.
        from portal import page_cache

        page_cache.connect()
