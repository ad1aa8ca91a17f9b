"""Load the portal's own example guidance (portal/example_guidance/), written for
this project in Norwegian bokmål."""

from django.conf import settings
from wagtail.models import Locale

from portal.example_guidance import GUIDANCE_PAGES
from portal.models import GuidancePage, HomePage


def load_guidance(pages=GUIDANCE_PAGES):
    """Create the example guidance pages under the Norwegian home page, once."""
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.get(locale=locale)
    created = 0
    for item in pages:
        if GuidancePage.objects.filter(locale=locale, slug=item["slug"]).exists():
            continue
        parent = home
        if item.get("parent"):
            parent = GuidancePage.objects.get(locale=locale, slug=item["parent"])
        page = GuidancePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            body=item["body"],
            locale=locale,
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return created
