"""Wagtail's page-tree and collection roots, which its migrations make. A test that
commits (the browser tests) ends with the tables emptied, so transactional tests that
run after it make them again."""


def ensure_wagtail_roots():
    from wagtail.models import Collection, Locale, Page

    from portal.management.commands.setup_portal import ensure_locales

    ensure_locales()
    if not Page.objects.filter(depth=1).exists():
        Page.add_root(
            instance=Page(title="Root", slug="root", locale=Locale.get_default())
        )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
