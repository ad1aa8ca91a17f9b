"""The directory's part of setting up a portal: its index page under the home page,
the moderators, the moderation workflow and every organisation's editor group."""

from directory.models import DirectoryIndexPage
from directory.permissions import ensure_directory_permissions


def ensure_directory(home):
    """The directory index below the Norwegian home page, and the rules of who may
    edit what in it (directory/permissions.py). Safe to run again."""
    if not DirectoryIndexPage.objects.filter(locale=home.locale).exists():
        index = DirectoryIndexPage(
            title="Finn hjelp", slug="hjelp", locale=home.locale, intro=""
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return ensure_directory_permissions()
