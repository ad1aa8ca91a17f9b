"""Load the portal's own example guidance (portal/example_guidance/), written for
this project in Norwegian bokmål."""

from django.conf import settings
from wagtail.models import Locale

from directory.models import TaxonomyTerm
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
        audiences = set(item.get("audiences", []))
        page = GuidancePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            body=item["body"],
            locale=locale,
            for_families="families" in audiences,
            for_children_and_youth="children-youth" in audiences,
            for_professionals="professionals" in audiences,
        )
        page.topics.add(*item.get("topics", []))
        codes = item.get("services_categories") or item.get("related_categories", [])
        page.related_categories = TaxonomyTerm.objects.filter(
            code__in=codes, locale=locale
        )
        parent.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    link_entry_points(home, locale)
    return created


ENTRY_POINTS = {
    "need_help_page": "hva-er-vold",
    "worried_page": "hjelpe-en-venn",
    "professional_page": "hvem-ringer-jeg",
}


def link_entry_points(home, locale):
    """Point the home page's three entry points at the example guidance."""
    changed = False
    for field, slug in ENTRY_POINTS.items():
        target = GuidancePage.objects.filter(locale=locale, slug=slug).first()
        if target and getattr(home, f"{field}_id") is None:
            setattr(home, field, target)
            changed = True
    if changed:
        home.save_revision().publish()
