"""Build SearchDocuments from pages: services and guidance pages, one per language.

Only what the public may see goes in. Locations pass through
directory.confidentiality.public_location, so a confidential shelter contributes its
municipality and a masked ~1 km position, never its street or exact coordinates.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page, PageViewRestriction

from directory.models import ServicePage, TaxonomyTerm
from portal.models import GuidancePage
from search.backends.base import OpeningRule, SearchDocument, document_id

FREE = "free-of-charge"
ANONYMOUS = "anonymous"
ROUND_THE_CLOCK = "open-24-7"
INDEXED_TYPES = (ServicePage, GuidancePage)
# A service's parts its search document reads: prefetch them for many services.
SERVICE_DOCUMENT_PARTS = (
    "attributes__taxonomy_term",
    "service_areas",
    "languages",
    "locations",
    "schedules",
    "closures",
)


class TermTexts:
    """Term names and synonyms by (translation key, language), loaded once per
    batch of pages."""

    def __init__(self):
        self._by_key = {}
        rows = TaxonomyTerm.objects.values_list(
            "translation_key", "locale__language_code", "name", "synonyms"
        )
        for key, language, name, synonyms in rows:
            lines = [line.strip() for line in synonyms.splitlines() if line.strip()]
            self._by_key[(key, language)] = [name, *lines]

    def text(self, term, language):
        parts = list(self._by_key.get((term.translation_key, language), []))
        if language != settings.LANGUAGE_CODE:
            # The Norwegian name too: services are mostly written in Norwegian.
            parts += [term.name]
        else:
            parts += [term.name, *term.synonym_list]
        return " ".join(dict.fromkeys(parts))


def is_indexable(page, *, any_restrictions=True) -> bool:
    """Live, public, and (for services) listed. `any_restrictions=False` says the
    site has no view restriction at all (checked once for a batch of pages), which
    saves the two queries per page that look for one."""
    page = page.specific
    if not isinstance(page, INDEXED_TYPES) or not page.live:
        return False
    if isinstance(page, ServicePage) and not page.is_listed:
        return False
    return not (any_restrictions and page.get_view_restrictions().exists())


def any_view_restrictions() -> bool:
    return PageViewRestriction.objects.exists()


def indexable_pages():
    """Every page that belongs in the index, as specific pages."""
    services = (
        ServicePage.objects.live()
        .public()
        .filter(status=ServicePage.Status.ACTIVE)
        .select_related("locale")
        .prefetch_related(*SERVICE_DOCUMENT_PARTS)
    )
    guidance = GuidancePage.objects.live().public().select_related("locale")
    yield from services.iterator(chunk_size=500)
    yield from guidance.iterator(chunk_size=500)


def build_document(
    page, terms: TermTexts | None = None, *, any_restrictions=True
) -> SearchDocument | None:
    """The document for one page, or None if it must not be indexed."""
    page = page.specific
    if not is_indexable(page, any_restrictions=any_restrictions):
        return None
    if isinstance(page, ServicePage):
        return _service_document(page, terms or TermTexts())
    return _guidance_document(page)


def _url(page):
    return page.get_url() or page.url_path


def _service_document(page: ServicePage, terms: TermTexts) -> SearchDocument:
    language = page.locale.language_code
    attributes = [a.taxonomy_term for a in page.attributes.all()]
    by_taxonomy = {"category": [], "audience": [], "feature": []}
    for term in attributes:
        by_taxonomy.setdefault(term.taxonomy, []).append(term.code)
    features = by_taxonomy["feature"]
    locations = page.public_locations
    located = next((loc for loc in locations if loc.latitude is not None), None)
    areas = [area.name for area in page.service_areas.all()]
    places = " ".join(
        part
        for loc in locations
        for part in (loc.name, loc.address_1, loc.city, loc.municipality)
        if part
    )
    organisation = page.get_parent()
    return SearchDocument(
        id=document_id("service", page.hsds_id, language),
        type="service",
        language=language,
        page_id=page.pk,
        hsds_id=str(page.hsds_id),
        translation_key=str(page.translation_key),
        title=page.title,
        url=_url(page),
        alternate_name=page.alternate_name,
        summary=page.description,
        body="\n".join(
            text
            for text in (
                page.eligibility_description,
                page.fees_description,
                page.application_process,
                page.interpretation_services,
                places,
                " ".join(areas),
            )
            if text
        ),
        organisation=organisation.title if organisation else "",
        term_names=" ".join(terms.text(term, language) for term in attributes),
        categories=by_taxonomy["category"],
        audiences=by_taxonomy["audience"],
        features=features,
        municipalities=areas,
        languages_offered=[lang.code for lang in page.languages.all()],
        free=FREE in features,
        anonymous=ANONYMOUS in features,
        round_the_clock=ROUND_THE_CLOCK in features or page.is_round_the_clock,
        latitude=float(located.latitude) if located else None,
        longitude=float(located.longitude) if located else None,
        opening_rules=[
            OpeningRule(
                freq=s.freq,
                interval=s.interval,
                dtstart=s.dtstart.isoformat() if s.dtstart else None,
                byday=s.byday,
                opens_at=s.opens_at.strftime("%H:%M"),
                closes_at=s.closes_at.strftime("%H:%M"),
            )
            for s in page.schedules.all()
        ],
        closed_days=sorted(c.date.isoformat() for c in page.closures.all()),
        open_on_public_holidays=page.open_on_public_holidays,
    )


def _guidance_document(page: GuidancePage) -> SearchDocument:
    language = page.locale.language_code
    body_field = GuidancePage._meta.get_field("body")
    body = " ".join(body_field.get_searchable_content(page.body))
    return SearchDocument(
        id=document_id("page", page.pk, language),
        type="page",
        language=language,
        page_id=page.pk,
        translation_key=str(page.translation_key),
        title=page.title,
        url=_url(page),
        summary=page.summary,
        body=body,
    )


def document_ids_for(page: Page) -> list[str]:
    """The ids a page may have in the index (whether or not it is there)."""
    page = page.specific
    language = page.locale.language_code
    if isinstance(page, ServicePage):
        return [document_id("service", page.hsds_id, language)]
    return [document_id("page", page.pk, language)]
