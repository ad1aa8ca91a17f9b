"""The directory as a spreadsheet: one row per published service, read in batches so
that the export streams. Locations go through `public_location`."""

from directory.confidentiality import public_location
from directory.hsds.exporter import SERVICE_PARTS, source_language
from directory.models import Location, OrganisationPage, ServicePage, TaxonomyTerm
from directory.phones import display_phone

BATCH_SIZE = 500
COLUMNS = [
    "id",
    "name",
    "organization",
    "status",
    "phones",
    "email",
    "url",
    "municipalities",
    "service_areas",
    "categories",
    "audiences",
    "features",
    "last_verified",
    "review_due",
    "location",
    "latitude",
    "longitude",
    "confidential_location",
    "example_data",
    "page_url",
]
# A cell starting with one of these is a formula to Excel; editors' text must not
# become one (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(batch_size=BATCH_SIZE):
    """The header, then one row per published service (every status), by id."""
    yield COLUMNS
    services = (
        ServicePage.objects.live()
        .filter(locale__language_code=source_language())
        .order_by("pk")
    )
    last_pk = 0
    while True:
        batch = list(
            services.filter(pk__gt=last_pk).prefetch_related(*SERVICE_PARTS)[
                :batch_size
            ]
        )
        if not batch:
            return
        step = OrganisationPage.steplen
        organisations = {
            page.path: page
            for page in OrganisationPage.objects.filter(
                path__in={service.path[:-step] for service in batch}
            )
        }
        for service in batch:
            organisation = organisations.get(service.path[:-step])
            yield [safe_cell(value) for value in _row(service, organisation)]
        last_pk = batch[-1].pk


def _row(service, organisation):
    locations = [public_location(location) for location in service.locations.all()]
    located = next((p for p in locations if p.latitude is not None), None)
    terms = {name: [] for name in TaxonomyTerm.Taxonomy.values}
    for attribute in service.attributes.all():
        terms[attribute.taxonomy_term.taxonomy].append(attribute.taxonomy_term.name)
    return [
        service.hsds_id,
        service.title,
        organisation.title if organisation else "",
        service.status,
        "; ".join(display_phone(phone.number) for phone in service.phones.all()),
        service.email,
        service.website,
        "; ".join(dict.fromkeys(p.municipality for p in locations if p.municipality)),
        "; ".join(area.name for area in service.service_areas.all()),
        "; ".join(terms["category"]),
        "; ".join(terms["audience"]),
        "; ".join(terms["feature"]),
        service.assured_date.isoformat(),
        service.review_due_date.isoformat(),
        " | ".join(_place(p) for p in locations),
        located.latitude if located else "",
        located.longitude if located else "",
        "yes" if any(p.confidential for p in locations) else "",
        "yes" if service.is_example_data else "",
        service.get_full_url() or "",
    ]


def _place(shown):
    if shown.location_type == Location.Kind.VIRTUAL:
        return "phone or online"
    if shown.confidential:
        return f"confidential address, {shown.municipality}"
    street = ", ".join(
        part
        for part in (shown.address_1, f"{shown.postal_code} {shown.city}".strip())
        if part
    )
    return street or shown.municipality
