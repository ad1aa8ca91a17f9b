"""HSDS 3.0 mapping: read services, translations and taxonomies into the directory.

One transaction per document: a document with any invalid record applies nothing and
every problem is reported with its JSON path and a plain reason.
"""

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.models import Locale

from directory import permissions
from directory.models import (
    DirectoryIndexPage,
    Location,
    OrganisationPage,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAttribute,
    ServiceLanguage,
    ServicePage,
    TaxonomyTerm,
)
from portal.models import HomePage

# Service fields that are plain text on both sides and translated per language.
TRANSLATED_FIELDS = {
    "name": "title",
    "alternate_name": "alternate_name",
    "description": "description",
    "eligibility_description": "eligibility_description",
    "fees_description": "fees_description",
    "application_process": "application_process",
    "interpretation_services": "interpretation_services",
    "alert": "alert",
}
MODEL_TO_HSDS = {model: hsds for hsds, model in TRANSLATED_FIELDS.items()} | {
    "website": "url",
    "email": "email",
    "status": "status",
    "minimum_age": "minimum_age",
    "maximum_age": "maximum_age",
    "assured_date": "assured_date",
}


class ImportFailed(Exception):
    """The document was not applied; `problems` lists every reason."""

    def __init__(self, problems):
        super().__init__(f"{len(problems)} problem(s); nothing was imported")
        self.problems = problems


class _DryRun(Exception):
    pass


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    dry_run: bool = False

    def summary(self):
        verb = "would be" if self.dry_run else "were"
        return (
            f"{len(self.created)} {verb} created, {len(self.updated)} {verb} updated."
        )


def read_document(path):
    with open(path, encoding="utf-8") as handle:
        try:
            return json.load(handle)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise ImportFailed([f"$: not valid JSON ({where}): {exc.msg}"]) from exc


def import_document(document, *, language=None, dry_run=False):
    """Import a taxonomy file or an HSDS `/services` page, all or nothing."""
    report = ImportReport(dry_run=dry_run)
    language = language or settings.LANGUAGE_CODE
    try:
        with transaction.atomic():
            if isinstance(document, dict) and "terms" in document:
                _import_taxonomy(document, report)
            elif isinstance(document, dict) and isinstance(
                document.get("contents"), list
            ):
                _import_services(document["contents"], language, report)
            else:
                report.problems.append(
                    "$: expected an HSDS services page (with 'contents') or a "
                    "taxonomy file (with 'terms')"
                )
            if report.problems:
                raise ImportFailed(report.problems)
            if dry_run:
                raise _DryRun
    except _DryRun:
        pass
    return report


# --- Taxonomy -------------------------------------------------------------------


def _locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def _import_taxonomy(document, report):
    source = _locale(settings.LANGUAGE_CODE)
    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    by_id = {}
    for index, item in enumerate(document["terms"]):
        path = f"$.terms[{index}]"
        try:
            names = item["name"]
            term_id = UUID(str(item["id"]))
            taxonomy = item["taxonomy"]
            code = item["code"]
        except (KeyError, TypeError, ValueError) as exc:
            report.problems.append(f"{path}: missing or invalid {exc}")
            continue
        if taxonomy not in TaxonomyTerm.Taxonomy.values:
            report.problems.append(f"{path}.taxonomy: unknown taxonomy {taxonomy!r}")
            continue
        if not names.get(settings.LANGUAGE_CODE):
            report.problems.append(
                f"{path}.name.{settings.LANGUAGE_CODE}: the Norwegian name is missing"
            )
            continue
        term = TaxonomyTerm.objects.filter(hsds_id=term_id, locale=source).first()
        created = term is None
        term = term or TaxonomyTerm(hsds_id=term_id, locale=source)
        _fill_term(term, item, settings.LANGUAGE_CODE, code, taxonomy)
        term.save()
        (report.created if created else report.updated).append(f"term {code}")
        by_id[str(term_id)] = term
        for lang, name in names.items():
            if lang == settings.LANGUAGE_CODE or lang not in known or not name:
                continue
            translation = TaxonomyTerm.objects.filter(
                translation_key=term.translation_key, locale__language_code=lang
            ).first() or TaxonomyTerm(
                hsds_id=term_id,
                translation_key=term.translation_key,
                locale=_locale(lang),
            )
            _fill_term(translation, item, lang, code, taxonomy)
            translation.save()
    # Parents last: a child may come before its parent in the file.
    for index, item in enumerate(document["terms"]):
        parent_id = item.get("parent_id")
        if not parent_id or str(item.get("id")) not in by_id:
            continue
        parent = (
            by_id.get(str(parent_id))
            or TaxonomyTerm.objects.filter(hsds_id=parent_id, locale=source).first()
        )
        if parent is None:
            report.problems.append(
                f"$.terms[{index}].parent_id: no term with id {parent_id}"
            )
            continue
        for term in TaxonomyTerm.objects.filter(
            translation_key=by_id[str(item["id"])].translation_key
        ):
            term.parent = parent.get_translation_or_none(term.locale) or parent
            term.save(update_fields=["parent"])


def _fill_term(term, item, lang, code, taxonomy):
    term.code = code
    term.taxonomy = taxonomy
    term.name = item["name"][lang][:120]
    description = item.get("description") or {}
    synonyms = item.get("synonyms") or {}
    if isinstance(description, str):
        description = {settings.LANGUAGE_CODE: description}
    term.description = description.get(lang, "")
    term.synonyms = "\n".join(synonyms.get(lang, []))


# --- Services -------------------------------------------------------------------


def directory_index():
    source = _locale(settings.LANGUAGE_CODE)
    index = DirectoryIndexPage.objects.filter(locale=source).first()
    if index is None:
        home = HomePage.objects.get(locale=source)
        index = DirectoryIndexPage(
            title="Finn hjelp", slug="hjelp", locale=source, intro=""
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    permissions.ensure_moderation_workflow(index)
    return index


def _import_services(items, language, report):
    if language == settings.LANGUAGE_CODE:
        index = directory_index()
        for position, item in enumerate(items):
            _import_one(item, f"$.contents[{position}]", index, report)
    else:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            report.problems.append(f"$: the portal has no language {language!r}")
            return
        for position, item in enumerate(items):
            _import_translation(item, f"$.contents[{position}]", locale, report)


def _savepoint(path, report, action):
    """Run one record's changes in a savepoint so the rest can still be checked."""
    try:
        with transaction.atomic():
            action()
    except ValidationError as exc:
        report.problems.extend(_describe(path, exc))
    except (KeyError, TypeError, ValueError) as exc:
        report.problems.append(f"{path}: missing or invalid value ({exc})")


def _describe(path, error):
    if hasattr(error, "error_dict"):
        return [
            f"{path}.{MODEL_TO_HSDS.get(name, name)}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [f"{path}: {message}" for message in error.messages]


def _organisation(item, index, report, path):
    data = item.get("organization") or {}
    org_id = UUID(str(item.get("organization_id") or data["id"]))
    organisation = OrganisationPage.objects.filter(
        hsds_id=org_id, locale=index.locale
    ).first()
    if organisation is None:
        if not data.get("name"):
            raise ValidationError(
                {"organization": f"unknown organisation {org_id} and no nested one"}
            )
        organisation = OrganisationPage(
            hsds_id=org_id,
            title=data["name"],
            slug=_free_slug(index, data.get("x_slug") or data["name"]),
            locale=index.locale,
        )
        _fill_organisation(organisation, data, item)
        index.add_child(instance=organisation)
        organisation.save_revision().publish()
        permissions.ensure_partner_group(organisation)
        report.created.append(f"organisation {organisation.title}")
    elif data:
        _fill_organisation(organisation, data, item)
        organisation.save_revision().publish()
    return organisation


def _fill_organisation(organisation, data, item):
    organisation.title = data.get("name") or organisation.title
    organisation.description = data.get("description") or ""
    organisation.email = data.get("email") or ""
    organisation.website = data.get("website") or ""
    organisation.review_contact_email = organisation.email
    organisation.is_example_data = bool(item.get("x_example_data"))


def _free_slug(parent, text, exclude_pk=None):
    base = slugify(text)[:200] or "tjeneste"
    slug, number = base, 1
    siblings = parent.get_children()
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    while siblings.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _import_one(item, path, index, report):
    def apply():
        service_id = UUID(str(item["id"]))
        organisation = _organisation(item, index, report, path)
        service = ServicePage.objects.filter(
            hsds_id=service_id, locale=index.locale
        ).first()
        created = service is None
        if created:
            service = ServicePage(hsds_id=service_id, locale=index.locale)
        for hsds_name, model_name in TRANSLATED_FIELDS.items():
            setattr(service, model_name, item.get(hsds_name) or "")
        service.website = item.get("url") or ""
        service.email = item.get("email") or ""
        service.status = item.get("status") or ServicePage.Status.ACTIVE
        service.minimum_age = item.get("minimum_age")
        service.maximum_age = item.get("maximum_age")
        service.assured_date = _date(item.get("assured_date"), "assured_date")
        service.is_example_data = bool(item.get("x_example_data"))
        service.open_on_public_holidays = _is_round_the_clock(item)
        problems_before = len(report.problems)
        try:
            service.validate_details()
        except ValidationError as exc:
            report.problems.extend(_describe(path, exc))
        children = _children(item, path, report)
        if len(report.problems) > problems_before:
            raise _RecordInvalid()
        service.phones, service.schedules, service.locations = children[:3]
        service.service_areas, service.languages, service.attributes = children[3:]
        if created:
            service.slug = _free_slug(organisation, item.get("x_slug") or item["name"])
            organisation.add_child(instance=service)
        elif service.get_parent().pk != organisation.pk:
            service.move(organisation, pos="last-child")
        service.full_clean()
        service.save_revision().publish()
        (report.created if created else report.updated).append(
            f"service {service.title}"
        )

    _savepoint(path, report, apply)


def _date(value, name):
    if not value:
        raise ValidationError({name: "this field is required"})
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ValidationError({name: f"{value!r} is not a date (YYYY-MM-DD)"}) from exc


def _time(value):
    return dt.time.fromisoformat(str(value)[:5])


def _is_round_the_clock(item):
    return any(
        s.get("byday", "").count(",") == 6
        and str(s.get("opens_at", ""))[:5] == "00:00"
        and str(s.get("closes_at", ""))[:5] in ("23:59", "00:00")
        for s in item.get("schedules") or []
    )


def _checked(instance, path, report, exclude=("service",)):
    """Validate a child object as an editor's form would; collect problems."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as exc:
        report.problems.extend(_describe(path, exc))
        raise _ChildInvalid from exc
    return instance


class _ChildInvalid(Exception):
    pass


def _children(item, path, report):
    phones, schedules, locations, areas, languages, attributes = [], [], [], [], [], []

    def add(target, build, entries, name):
        for position, entry in enumerate(entries or []):
            child_path = f"{path}.{name}[{position}]"
            try:
                target.append(_checked(build(entry), child_path, report))
            except _ChildInvalid:
                continue
            except ValidationError as exc:
                report.problems.extend(_describe(child_path, exc))
            except (KeyError, TypeError, ValueError) as exc:
                report.problems.append(f"{child_path}: missing or invalid ({exc})")

    add(phones, _phone, item.get("phones"), "phones")
    add(schedules, _schedule, item.get("schedules"), "schedules")
    add(locations, _location, item.get("service_at_locations"), "service_at_locations")
    add(areas, _area, item.get("service_areas"), "service_areas")
    add(languages, _language, item.get("languages"), "languages")
    add(attributes, _attribute, item.get("attributes"), "attributes")
    return phones, schedules, locations, areas, languages, attributes


class _RecordInvalid(ValidationError):
    """Problems already reported with their paths; stop this record quietly."""

    def __init__(self):
        super().__init__([])


def _phone(entry):
    return Phone(
        hsds_id=UUID(str(entry["id"])),
        number=entry["number"],
        type=entry.get("type") or "voice",
        description=entry.get("description") or "",
        languages=",".join(lang["code"] for lang in entry.get("languages") or []),
    )


def _schedule(entry):
    opens, closes = _time(entry["opens_at"]), _time(entry["closes_at"])
    return Schedule(
        hsds_id=UUID(str(entry["id"])),
        freq=entry.get("freq") or "WEEKLY",
        interval=entry.get("interval") or 1,
        dtstart=dt.date.fromisoformat(entry["dtstart"][:10])
        if entry.get("dtstart")
        else None,
        byday=entry.get("byday") or "",
        opens_at=opens,
        closes_at=closes,
        runs_past_midnight=closes < opens,
        description=entry.get("description") or "",
    )


def _location(entry):
    location = entry["location"]
    address = (location.get("addresses") or [{}])[0]
    accessibility = " ".join(
        a.get("description", "") for a in location.get("accessibility") or []
    ).strip()
    kind = location.get("location_type") or "physical"
    if kind == "physical" and address.get("address_type") == "postal":
        kind = "postal"
    return Location(
        hsds_id=UUID(str(location["id"])),
        service_at_location_id=UUID(str(entry["id"])),
        address_id=UUID(str(address["id"])) if address.get("id") else None,
        location_type=kind,
        name=location.get("name") or "",
        description=location.get("description") or "",
        address_1=address.get("address_1") or "",
        postal_code=address.get("postal_code") or "",
        city=address.get("city") or "",
        municipality=address.get("region") or "",
        latitude=_coordinate(location.get("latitude")),
        longitude=_coordinate(location.get("longitude")),
        accessibility=accessibility,
        wheelchair_accessible=accessibility.lower().startswith("trinnfri"),
        confidential=bool(location.get("x_confidential")),
    )


def _coordinate(value):
    if value is None or value == "":
        return None
    return Decimal(str(value)).quantize(Decimal("0.000001"))


def _area(entry):
    return ServiceArea(
        hsds_id=UUID(str(entry["id"])),
        name=entry["name"],
        description=entry.get("extent") or entry.get("description") or "",
    )


def _language(entry):
    return ServiceLanguage(hsds_id=UUID(str(entry["id"])), code=entry["code"])


def _attribute(entry):
    term_id = entry.get("taxonomy_term_id") or entry["taxonomy_term"]["id"]
    term = TaxonomyTerm.objects.filter(
        hsds_id=term_id, locale__language_code=settings.LANGUAGE_CODE
    ).first()
    if term is None:
        raise ValidationError(
            {
                "taxonomy_term_id": f"unknown taxonomy term {term_id}; import the "
                "taxonomy file first"
            }
        )
    return ServiceAttribute(hsds_id=UUID(str(entry["id"])), taxonomy_term=term)


# --- Translations ---------------------------------------------------------------


def _import_translation(item, path, locale, report):
    def apply():
        source = ServicePage.objects.filter(
            hsds_id=item["id"], locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if source is None:
            raise ValidationError(
                f"no service with id {item['id']}; import the Norwegian set first"
            )
        translation = source.get_translation_or_none(locale)
        created = translation is None
        if created:
            translation = source.copy_for_translation(locale, copy_parents=True)
            _publish_ancestors(translation)
        translation = translation.specific
        for hsds_name, model_name in TRANSLATED_FIELDS.items():
            if item.get(hsds_name):
                setattr(translation, model_name, item[hsds_name])
        translation.full_clean()
        translation.save_revision().publish()
        (report.created if created else report.updated).append(
            f"{locale.language_code} translation of {source.title}"
        )

    _savepoint(path, report, apply)


def _publish_ancestors(page):
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
