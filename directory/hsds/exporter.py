"""Writing the directory out as HSDS 3.0: what the open-data API lists and returns.

Only published, active services; Norwegian by default, with the text fields of a
published translation laid over them for another language. Every location goes
through `public_location`, so a confidential address never leaves in any shape.
"""

import datetime as dt
import re
from dataclasses import dataclass
from uuid import UUID

from django.conf import settings
from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q

from directory.confidentiality import public_location
from directory.hsds.common import (
    TAXONOMY_DESCRIPTIONS,
    TAXONOMY_VERSION,
    derived_id,
    taxonomy_id,
)
from directory.models import (
    Location,
    OrganisationPage,
    ServiceAttribute,
    ServicePage,
    TaxonomyTerm,
)
from directory.models.service_parts import LANGUAGE_CHOICES

HSDS_VERSION = "3.0"
SERVICE_PARTS = [
    "phones",
    "schedules",
    "locations",
    "service_areas",
    "languages",
    Prefetch(
        "attributes",
        queryset=ServiceAttribute.objects.select_related("taxonomy_term__parent"),
    ),
]
LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)
# Locations are in Vestland: the municipality choices are Vestland's.
STATE_PROVINCE = "Vestland"


def source_language():
    return settings.LANGUAGE_CODE


def taxonomies():
    """The portal's three vocabularies as HSDS `taxonomy` objects."""
    return [
        {
            "id": str(taxonomy_id(name)),
            "name": name,
            "description": TAXONOMY_DESCRIPTIONS[name],
            "version": TAXONOMY_VERSION,
        }
        for name in TaxonomyTerm.Taxonomy.values
    ]


def taxonomy_named(taxonomy_uuid):
    """The taxonomy name for an HSDS taxonomy id, or None."""
    for name in TaxonomyTerm.Taxonomy.values:
        if taxonomy_id(name) == taxonomy_uuid:
            return name
    return None


# --- Which services -------------------------------------------------------------


@dataclass(frozen=True)
class ServiceFilter:
    """The `/services` filters, already checked."""

    language: str = ""
    search: str = ""
    taxonomy_term_id: UUID | None = None
    taxonomy_id: UUID | None = None
    organization_id: UUID | None = None
    modified_after: dt.datetime | None = None


def listed_services():
    """Published, active services in the source language."""
    return ServicePage.objects.live().filter(
        locale__language_code=source_language(), status=ServicePage.Status.ACTIVE
    )


def contains(field, text):
    """Case-insensitive "contains", also for æ, ø and å: SQLite's LIKE folds ASCII
    only, so there the match is a (Python) regular expression."""
    if connection.vendor == "sqlite":
        return Q(**{f"{field}__iregex": re.escape(text)})
    return Q(**{f"{field}__icontains": text})


def find_services(query=ServiceFilter()):
    services = listed_services()
    language = query.language or source_language()
    translations = ServicePage.objects.live().filter(
        locale__language_code=language, translation_key=OuterRef("translation_key")
    )
    if query.search:
        words = contains("title", query.search) | contains("description", query.search)
        if language != source_language():
            words |= Q(Exists(translations.filter(words)))
        services = services.filter(words)
    if query.taxonomy_term_id:
        services = services.filter(
            Exists(
                ServiceAttribute.objects.filter(
                    service=OuterRef("pk"),
                    taxonomy_term__hsds_id=query.taxonomy_term_id,
                )
            )
        )
    if query.taxonomy_id:
        services = services.filter(
            Exists(
                ServiceAttribute.objects.filter(
                    service=OuterRef("pk"),
                    taxonomy_term__taxonomy=taxonomy_named(query.taxonomy_id) or "",
                )
            )
        )
    if query.organization_id:
        organisation = organisation_by_id(query.organization_id)
        if organisation is None:
            return services.none()
        services = services.child_of(organisation)
    if query.modified_after:
        changed = Q(last_published_at__gte=query.modified_after)
        if language != source_language():
            changed |= Q(
                Exists(translations.filter(last_published_at__gte=query.modified_after))
            )
        services = services.filter(changed)
    return services.order_by("title", "pk")


def service_by_id(service_id):
    return listed_services().filter(hsds_id=service_id).first()


def organisations():
    return OrganisationPage.objects.live().filter(
        locale__language_code=source_language()
    )


def find_organisations(search=""):
    found = organisations()
    if search:
        found = found.filter(
            contains("title", search) | contains("description", search)
        )
    return found.order_by("title", "pk")


def organisation_by_id(organisation_id):
    return organisations().filter(hsds_id=organisation_id).first()


def find_terms(search="", taxonomy_uuid=None, parent_id=None, top_only=False):
    terms = TaxonomyTerm.objects.filter(
        locale__language_code=source_language()
    ).select_related("parent")
    if search:
        terms = terms.filter(contains("name", search) | contains("code", search))
    if taxonomy_uuid:
        terms = terms.filter(taxonomy=taxonomy_named(taxonomy_uuid) or "")
    if parent_id:
        terms = terms.filter(parent__hsds_id=parent_id)
    if top_only:
        terms = terms.filter(parent__isnull=True)
    return terms.order_by("taxonomy", "code", "pk")


def term_by_id(term_id):
    return (
        TaxonomyTerm.objects.filter(
            locale__language_code=source_language(), hsds_id=term_id
        )
        .select_related("parent")
        .first()
    )


# --- HSDS objects ---------------------------------------------------------------


def _compact(data, keep=()):
    """Leave out empty optional values, as the source documents do."""
    return {
        key: value
        for key, value in data.items()
        if key in keep or value not in (None, "", [])
    }


def _iso(moment):
    if moment is None:
        return None
    return (
        moment.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    )


class Exporter:
    """Turns a batch of pages into HSDS objects with a fixed number of queries:
    organisations, translations and term names are read once for the batch."""

    def __init__(self, language=""):
        self.language = language or source_language()
        self.translated = self.language != source_language()
        self._organisations = {}  # path -> organisation page
        self._texts, self._organisation_texts, self._terms = {}, {}, {}

    # Batches ------------------------------------------------------------------

    def services(self, services, full=False):
        services = list(services.prefetch_related(*SERVICE_PARTS) if full else services)
        self._load(services, full)
        return [self.service(service, full=full) for service in services]

    def _load(self, services, full):
        step = OrganisationPage.steplen
        parent_paths = {service.path[:-step] for service in services}
        self._organisations = {
            page.path: page
            for page in OrganisationPage.objects.filter(path__in=parent_paths)
        }
        self._texts, self._organisation_texts, self._terms = {}, {}, {}
        if not self.translated:
            return
        self._texts = self._translations(ServicePage, services)
        self._organisation_texts = self._translations(
            OrganisationPage, self._organisations.values()
        )
        if full:
            keys = {
                attribute.taxonomy_term.translation_key
                for service in services
                for attribute in service.attributes.all()
            }
            self._terms = {
                term.translation_key: term
                for term in TaxonomyTerm.objects.filter(
                    locale__language_code=self.language, translation_key__in=keys
                )
            }

    def _translations(self, model, pages):
        keys = [page.translation_key for page in pages]
        return {
            page.translation_key: page
            for page in model.objects.live().filter(
                locale__language_code=self.language, translation_key__in=keys
            )
        }

    def organisation_of(self, service):
        path = service.path[: -OrganisationPage.steplen]
        if path not in self._organisations:
            self._organisations[path] = OrganisationPage.objects.get(path=path)
        return self._organisations[path]

    # Objects ------------------------------------------------------------------

    def service(self, service, full=False):
        text = self._texts.get(service.translation_key, service)
        organisation = self.organisation_of(service)
        modified = max(
            (
                moment
                for moment in (service.last_published_at, text.last_published_at)
                if moment
            ),
            default=None,
        )
        data = _compact(
            {
                "id": str(service.hsds_id),
                "organization_id": str(organisation.hsds_id),
                "name": text.title,
                "alternate_name": text.alternate_name,
                "description": text.description,
                "url": service.website,
                "email": service.email,
                "status": service.status,
                "interpretation_services": text.interpretation_services,
                "application_process": text.application_process,
                "fees_description": text.fees_description,
                "eligibility_description": text.eligibility_description,
                "minimum_age": service.minimum_age,
                "maximum_age": service.maximum_age,
                "assured_date": service.assured_date.isoformat(),
                "alert": text.alert,
                "last_modified": _iso(modified),
                "x_example_data": service.is_example_data or None,
            },
            keep=("id", "name", "status"),
        )
        data["organization"] = self.organisation(organisation)
        if full:
            data.update(self._parts(service))
        return data

    def _parts(self, service):
        service_id = str(service.hsds_id)
        return {
            "phones": [self.phone(phone, service_id) for phone in service.phones.all()],
            "schedules": [
                self.schedule(schedule, service_id)
                for schedule in service.schedules.all()
            ],
            "service_areas": [
                _compact(
                    {
                        "id": str(area.hsds_id),
                        "service_id": service_id,
                        "name": area.name,
                        "description": area.description,
                    }
                )
                for area in service.service_areas.all()
            ],
            "service_at_locations": [
                self.service_at_location(location, service_id)
                for location in service.locations.all()
            ],
            "languages": [
                _compact(
                    {
                        "id": str(language.hsds_id),
                        "service_id": service_id,
                        "name": LANGUAGE_NAMES.get(language.code, ""),
                        "code": language.code,
                    }
                )
                for language in service.languages.all()
            ],
            "attributes": [
                self.attribute(attribute, service_id)
                for attribute in service.attributes.all()
            ],
        }

    def phone(self, phone, service_id):
        return _compact(
            {
                "id": str(phone.hsds_id),
                "service_id": service_id,
                "number": phone.number,
                "type": phone.type,
                "description": phone.description,
                "languages": [
                    _compact(
                        {
                            "id": str(derived_id(phone.hsds_id, "language", code)),
                            "phone_id": str(phone.hsds_id),
                            "name": LANGUAGE_NAMES.get(code, ""),
                            "code": code,
                        }
                    )
                    for code in phone.language_codes
                ],
            }
        )

    def schedule(self, schedule, service_id):
        return _compact(
            {
                "id": str(schedule.hsds_id),
                "service_id": service_id,
                "freq": schedule.freq,
                # Omitted when 1 (every week), as in the source documents.
                "interval": schedule.interval if schedule.interval != 1 else None,
                "dtstart": schedule.dtstart.isoformat() if schedule.dtstart else None,
                "byday": schedule.byday,
                "opens_at": schedule.opens_at.strftime("%H:%M"),
                "closes_at": schedule.closes_at.strftime("%H:%M"),
                "description": schedule.description,
            }
        )

    def service_at_location(self, location, service_id):
        """One location, masked by `public_location` when it is confidential."""
        shown = public_location(location)
        location_id = str(location.hsds_id)
        place = {
            "id": location_id,
            "location_type": "virtual"
            if shown.location_type == Location.Kind.VIRTUAL
            else "physical",
            "name": shown.name,
            "description": shown.description,
            "latitude": float(shown.latitude) if shown.latitude is not None else None,
            "longitude": float(shown.longitude)
            if shown.longitude is not None
            else None,
        }
        if shown.location_type != Location.Kind.VIRTUAL and (
            shown.municipality or shown.address_1
        ):
            place["addresses"] = [
                {
                    "id": str(
                        location.address_id or derived_id(location_id, "address")
                    ),
                    "location_id": location_id,
                    # Required by HSDS: empty when the street is secret.
                    "address_1": shown.address_1,
                    "city": shown.city,
                    "region": shown.municipality,
                    "state_province": STATE_PROVINCE,
                    "postal_code": shown.postal_code,
                    "country": "NO",
                    "address_type": "postal"
                    if shown.location_type == Location.Kind.POSTAL
                    else "physical",
                }
            ]
        if shown.accessibility:
            place["accessibility"] = [
                {
                    "id": str(derived_id(location_id, "accessibility")),
                    "location_id": location_id,
                    "description": shown.accessibility,
                }
            ]
        if shown.confidential:
            place["x_confidential"] = True
        return {
            "id": str(location.service_at_location_id),
            "service_id": service_id,
            "location_id": location_id,
            "location": _compact(place),
        }

    def attribute(self, attribute, service_id):
        term = attribute.taxonomy_term
        return {
            "id": str(attribute.hsds_id),
            "link_id": service_id,
            "link_type": term.taxonomy,
            "link_entity": "service",
            "taxonomy_term_id": str(term.hsds_id),
            "taxonomy_term": self.term(term),
        }

    def term(self, term):
        """A term (in the source language) with its name in the asked language."""
        text = self._terms.get(term.translation_key, term) if self.translated else term
        return _compact(
            {
                "id": str(term.hsds_id),
                "code": term.code,
                "name": text.name,
                "description": text.description,
                "parent_id": str(term.parent.hsds_id) if term.parent_id else None,
                "taxonomy": term.taxonomy,
                "taxonomy_detail": {
                    "id": str(taxonomy_id(term.taxonomy)),
                    "name": term.taxonomy,
                    "description": TAXONOMY_DESCRIPTIONS[term.taxonomy],
                    "version": TAXONOMY_VERSION,
                },
                "language": source_language() if text is term else self.language,
                "taxonomy_id": str(taxonomy_id(term.taxonomy)),
            },
            keep=("id", "name", "description"),
        )

    def terms(self, terms):
        terms = list(terms)
        if self.translated:
            keys = [term.translation_key for term in terms]
            self._terms = {
                term.translation_key: term
                for term in TaxonomyTerm.objects.filter(
                    locale__language_code=self.language, translation_key__in=keys
                )
            }
        return [self.term(term) for term in terms]

    def organisation(self, organisation):
        text = (
            self._organisation_texts.get(organisation.translation_key, organisation)
            if self.translated
            else organisation
        )
        return _compact(
            {
                "id": str(organisation.hsds_id),
                "name": text.title,
                "description": text.description,
                "email": organisation.email,
                "website": organisation.website,
                "x_example_data": organisation.is_example_data or None,
            },
            keep=("id", "name", "description"),
        )

    def organisations(self, pages):
        pages = list(pages)
        self._organisation_texts = (
            self._translations(OrganisationPage, pages) if self.translated else {}
        )
        return [self.organisation(page) for page in pages]

    def organisation_with_services(self, organisation, full_services=False):
        data = self.organisations([organisation])[0]
        services = listed_services().child_of(organisation).order_by("title", "pk")
        items = self.services(services, full=full_services)
        for item in items:
            if not full_services:
                item.pop("organization", None)
        data["services"] = items
        return data
