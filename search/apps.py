"""App config for the portal's search layer."""

from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    label = "portal_search"
    verbose_name = "Search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Search listens to the directory and the portal; they never import it.
        from search import indexing

        indexing.connect()
