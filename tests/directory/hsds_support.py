"""For the HSDS tests: the official HSDS 3.0 JSON Schemas, the shared example data,
and reading the API back."""

import json
import os
from functools import cache
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "directory" / "example_data"
# The shared data folder sits beside the repository (../shared), not inside it;
# HSDS_SHARED_DATA points elsewhere (e.g. at a missing folder, to see the skips).
SHARED = Path(os.environ.get("HSDS_SHARED_DATA") or REPO.parent / "shared" / "data")
HSDS = SHARED / "hsds-3.0"


def require_shared(*names):
    """Skip (or, with CI=true, fail) when ../shared/data or one of its files is
    missing: the schemas and the Vestland dataset are not part of the repository."""
    missing = [name for name in names if not (SHARED / name).exists()]
    if missing:
        message = f"needs {SHARED / missing[0]} (the shared data beside the repo)"
        if os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}:
            pytest.fail(f"{message}; CI=true: nothing may be skipped")
        pytest.skip(message)
    return SHARED


@cache
def _compiled(name):
    return json.loads((HSDS / "compiled" / f"{name}.json").read_text())


@cache
def _openapi():
    return json.loads((HSDS / "openapi.json").read_text())


def schema(name):
    """A compiled schema by name, plus the two the spec does not compile on their
    own (taxonomy_term, taxonomy: taken from where service.json nests them) and the
    OpenAPI `Page` envelope."""
    require_shared("hsds-3.0/compiled/service.json", "hsds-3.0/openapi.json")
    if name == "taxonomy_term":
        service = _compiled("service")
        return service["properties"]["attributes"]["items"]["properties"][
            "taxonomy_term"
        ]
    if name == "taxonomy":
        return schema("taxonomy_term")["properties"]["taxonomy_detail"]
    if name == "Page":
        return _openapi()["components"]["schemas"]["Page"]
    return _compiled(name)


def problems(instance, name):
    """Every way `instance` breaks the named schema, as readable lines."""
    validator = Draft202012Validator(schema(name), format_checker=FormatChecker())
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
        for error in validator.iter_errors(instance)
    ]


def page_problems(body, item_schema):
    """A `Page` envelope: the envelope itself and every item in `contents`."""
    found = problems({k: v for k, v in body.items() if k != "contents"}, "Page")
    missing = set(schema("Page")["properties"]) - set(body)
    found += [f"(top): '{name}' is missing" for name in sorted(missing)]
    for position, item in enumerate(body["contents"]):
        found += [f"contents/{position}/{p}" for p in problems(item, item_schema)]
    return found


# Police (112), two confidential shelters of one organisation, two services of
# Bergen kommune, one without a phone, one temporarily closed, one inactive.
EXAMPLE_PICK = (0, 8, 9, 11, 12, 17, 25, 41)


def example_documents(pick=EXAMPLE_PICK):
    """A small slice of the project's own HSDS data, as three documents: the
    taxonomy terms it uses (in nb and en), the services, their English set."""
    services = json.loads((EXAMPLE / "services.hsds.json").read_text())["contents"]
    english = json.loads((EXAMPLE / "services.en.hsds.json").read_text())["contents"]
    taxonomy = json.loads((EXAMPLE / "taxonomy.json").read_text())
    chosen = [services[i] for i in pick]
    ids = {service["id"] for service in chosen}
    used = {a["taxonomy_term_id"] for s in chosen for a in s["attributes"]}
    terms = [term for term in taxonomy["terms"] if term["id"] in used]
    used |= {term["parent_id"] for term in terms if term["parent_id"]}
    terms = [
        term
        | {
            "name": {k: v for k, v in term["name"].items() if k in ("nb", "en")},
            "synonyms": {},
        }
        for term in taxonomy["terms"]
        if term["id"] in used
    ]
    return (
        {"terms": terms},
        page_of(chosen),
        page_of([item for item in english if item["id"] in ids]),
    )


def page_of(items):
    return {
        "total_items": len(items),
        "total_pages": 1,
        "page_number": 1,
        "size": len(items),
        "first_page": True,
        "last_page": True,
        "empty": not items,
        "contents": items,
    }


def confidential_secrets(items):
    """Street and exact coordinates of every confidential location (postal codes
    are checked field by field: four digits can occur inside any UUID)."""
    found = []
    for service in items:
        for link in service["service_at_locations"]:
            location = link["location"]
            if location.get("x_confidential"):
                for address in location.get("addresses", []):
                    found.append(address["address_1"])
                found += [str(location["latitude"]), str(location["longitude"])]
    return found


def comparable(service):
    """What must survive an import and a read back through the API: ids, names,
    phones (normalised), schedules, taxonomy terms, areas, languages, places."""
    from directory.phones import normalise_phone

    return {
        "id": service["id"],
        "name": service["name"],
        "organization": service.get("organization_id") or service["organization"]["id"],
        "phones": sorted(
            (
                phone["id"],
                normalise_phone(phone["number"]),
                phone.get("type") or "voice",
                tuple(sorted(lang["code"] for lang in phone.get("languages") or [])),
            )
            for phone in service.get("phones") or []
        ),
        "schedules": sorted(
            (
                s["id"],
                s.get("freq") or "WEEKLY",
                s.get("interval") or 1,
                (s.get("dtstart") or "")[:10],
                s["byday"],
                s["opens_at"][:5],
                s["closes_at"][:5],
                s.get("description") or "",
            )
            for s in service.get("schedules") or []
        ),
        "terms": sorted(
            a.get("taxonomy_term_id") or a["taxonomy_term"]["id"]
            for a in service.get("attributes") or []
        ),
        "areas": sorted((a["id"], a["name"]) for a in service.get("service_areas", [])),
        "languages": sorted(lang["code"] for lang in service.get("languages") or []),
        "places": sorted(
            (link["id"], link["location"]["id"], link["location"]["location_type"])
            for link in service.get("service_at_locations") or []
        ),
    }


def capped_dates(document):
    """The importer refuses a "last verified" date after today, and the shared
    data was written ahead of time: cap such dates at today."""
    import datetime as dt

    today = dt.date.today().isoformat()
    for item in document["contents"]:
        if str(item.get("assured_date", ""))[:10] > today:
            item["assured_date"] = today
    return document
