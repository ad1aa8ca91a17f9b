"""Build the example directory's taxonomy and HSDS 3.0 service JSON files."""

import argparse
import importlib
import json
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
PACKAGE = "directory.example_data"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "vestland-hjelp.example.org")
SERVICE_MODULES = (
    "services_emergency",
    "services_shelters_children",
    "services_family_municipal",
    "services_legal_help",
    "services_helplines_peer",
)
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
TAXONOMY_NOTE = (
    "Example data: the taxonomy of the portal's own example directory. Bokmål is the "
    "source; every other language is an unreviewed draft (see x_translation_status)."
)


def load(name):
    """Import one data module of this package, also when run as a plain script."""
    root = str(HERE.parents[1])
    if root not in sys.path:
        sys.path.insert(0, root)
    return importlib.import_module(f"{PACKAGE}.{name}")


def uid(name):
    """Deterministic UUID v5 in the project's namespace."""
    return str(uuid.uuid5(NAMESPACE, name))


def demo_id(*parts):
    """Id for the example directory's own records (never collides with shared data)."""
    return uid("demo/" + "/".join(str(p) for p in parts))


def build_taxonomy(tax):
    """Return the taxonomy.json document."""
    taxonomies = [
        {
            "id": uid(f"taxonomy/{name}"),
            "name": name,
            "description": text,
            "version": ver,
        }
        for name, text, ver in tax.TAXONOMIES
    ]
    tax_ids = {t["name"]: t["id"] for t in taxonomies}
    terms = []
    for term in tax.TERMS:
        parent = term["parent_code"]
        terms.append(
            {
                "id": uid(f"taxonomy_term/{term['code']}"),
                "code": term["code"],
                "taxonomy": term["taxonomy"],
                "taxonomy_id": tax_ids[term["taxonomy"]],
                "parent_code": parent,
                "parent_id": uid(f"taxonomy_term/{parent}") if parent else None,
                "name": {code: term["name"][code] for code in tax.LANGUAGE_CODES},
                "description": {
                    "nb": term["description"]["nb"],
                    "en": term["description"]["en"],
                },
                "synonyms": {
                    code: list(term["synonyms"][code]) for code in tax.LANGUAGE_CODES
                },
            }
        )
    return {
        "x_example_data": True,
        "description": TAXONOMY_NOTE,
        "x_translation_status": tax.TRANSLATION_STATUS,
        "languages": [
            {"code": c, "name_nb": nb, "name_en": en, "autonym": auto}
            for c, nb, en, auto in tax.LANGUAGES
        ],
        "taxonomies": taxonomies,
        "terms": terms,
    }


def nested_term(term, taxonomy_by_name, term_ids):
    """The taxonomy_term object nested in an attribute (Norwegian texts)."""
    detail = taxonomy_by_name[term["taxonomy"]]
    out = {
        "id": term_ids[term["code"]],
        "code": term["code"],
        "name": term["name"]["nb"],
        "description": term["description"]["nb"],
    }
    if term["parent_code"]:
        out["parent_id"] = term_ids[term["parent_code"]]
    out.update(
        {
            "taxonomy": term["taxonomy"],
            "taxonomy_detail": detail,
            "language": "nb",
            "taxonomy_id": detail["id"],
        }
    )
    return out


def build_schedules(slug, schedules):
    """Expand the compact schedules ("24/7" or tuples) to HSDS schedule objects."""
    if schedules == "24/7":
        schedules = [
            (",".join(DAYS), "00:00", "23:59", "Åpent hele døgnet, alle dager.")
        ]
    out = []
    for n, (byday, opens, closes, text) in enumerate(schedules, start=1):
        freq = "MONTHLY" if byday[0].isdigit() else "WEEKLY"
        out.append(
            {
                "id": demo_id("schedule", slug, n),
                "freq": freq,
                "byday": byday,
                "opens_at": opens,
                "closes_at": closes,
                "description": text,
            }
        )
    return out


def build_location(loc, slug, service_url):
    """One HSDS location (physical with one address, or virtual)."""
    if loc.get("virtual"):
        return {
            "id": demo_id("location", "virtual", slug),
            "location_type": "virtual",
            "name": loc["name"],
            "url": service_url,
        }
    key = loc["key"]
    out = {
        "id": demo_id("location", key),
        "location_type": "physical",
        "name": loc["name"],
        "latitude": loc["lat"],
        "longitude": loc["lon"],
        "addresses": [
            {
                "id": demo_id("address", key),
                "address_1": loc["street"],
                "city": loc["city"],
                "region": loc["municipality"],
                "state_province": "Vestland",
                "postal_code": loc["postal_code"],
                "country": "NO",
                "address_type": "postal" if loc.get("confidential") else "physical",
            }
        ],
        "accessibility": [
            {"id": demo_id("accessibility", key), "description": loc["access"]}
        ],
    }
    if loc.get("note"):
        out["description"] = loc["note"]
    if loc.get("confidential"):
        out["x_confidential"] = True
    return out


def build_service(s, ctx):
    """One fully nested HSDS 3.0 service."""
    slug = s["slug"]
    sid = demo_id("service", slug)
    org = ctx["orgs"][s["org"]]
    url = f"https://example.org/{s['org']}/{slug}"
    out = {"id": sid, "organization_id": org["id"], "name": s["name"]}
    if s.get("alternate_name"):
        out["alternate_name"] = s["alternate_name"]
    out.update({"description": s["description"], "url": url})
    if s.get("email", True):
        out["email"] = f"{slug}@example.org"
    out["status"] = s["status"]
    optional = (("alert", "alert"), ("interpretation", "interpretation_services"))
    out.update({hsds: s[key] for key, hsds in optional if s.get(key)})
    out.update(
        {
            "application_process": s["application_process"],
            "fees_description": s["fees"],
            "eligibility_description": s["eligibility"],
        }
    )
    for key, hsds in (("min_age", "minimum_age"), ("max_age", "maximum_age")):
        if s.get(key) is not None:
            out[hsds] = s[key]
    out["assured_date"] = s["assured_date"]
    out["last_modified"] = f"{s['assured_date']}T09:00:00.000Z"
    names = ctx["language_names"]
    out["phones"] = [
        {
            "id": demo_id("phone", slug, n),
            "number": phone[0],
            "type": phone[3] if len(phone) > 3 else "voice",
            "description": phone[1],
            "languages": [
                {
                    "id": demo_id("phone_language", slug, n, c),
                    "name": names[c],
                    "code": c,
                }
                for c in phone[2].split()
            ],
        }
        for n, phone in enumerate(s["phones"], start=1)
    ]
    out["schedules"] = build_schedules(slug, s["schedules"])
    out["service_areas"] = [
        {
            "id": demo_id("service_area", slug, n),
            "name": area,
            "extent": ctx["extents"][area],
            "extent_type": "text",
        }
        for n, area in enumerate(s["service_areas"], start=1)
    ]
    out["service_at_locations"] = [
        {
            "id": demo_id("service_at_location", slug),
            "location": build_location(s["location"], slug, url),
        }
    ]
    out["languages"] = [
        {"id": demo_id("language", slug, c), "name": names[c], "code": c}
        for c in s["languages"].split()
    ]
    out["organization"] = {k: v for k, v in org.items() if k != "slug"}
    attributes = []
    for link_type in ("categories", "audiences", "features"):
        for code in s[link_type].split():
            term = ctx["terms"][code]
            attributes.append(
                {
                    "id": demo_id("attribute", slug, code),
                    "link_id": sid,
                    "link_type": term["taxonomy"],
                    "link_entity": "service",
                    "taxonomy_term_id": ctx["term_ids"][code],
                    "taxonomy_term": nested_term(
                        term, ctx["taxonomy_by_name"], ctx["term_ids"]
                    ),
                }
            )
    out["attributes"] = attributes
    out["x_slug"] = slug
    out["x_example_data"] = True
    return out


def page(contents):
    """Wrap services in an HSDS paginated response."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def build():
    """Build the three documents; raise SystemExit listing every data problem found."""
    tax = load("taxonomy_terms")
    common = load("common")
    checks = load("checks")
    taxonomy_doc = build_taxonomy(tax)
    orgs = {
        o["slug"]: {"id": demo_id("organization", o["slug"]), **o}
        for o in load("organisations").ORGANISATIONS
    }
    terms = {t["code"]: t for t in tax.TERMS}
    ctx = {
        "orgs": orgs,
        "terms": terms,
        "term_ids": {t["code"]: t["id"] for t in taxonomy_doc["terms"]},
        "taxonomy_by_name": {t["name"]: t for t in taxonomy_doc["taxonomies"]},
        "language_names": tax.LANGUAGE_NAMES_NB,
        "extents": common.EXTENTS,
    }
    services = [s for name in SERVICE_MODULES for s in load(name).SERVICES]
    english = load("services_en").SERVICES_EN
    problems = checks.check_taxonomy(tax)
    problems += checks.check_services(services, terms, orgs, common.EXTENTS, english)
    if problems:
        raise SystemExit("Example data problems:\n  " + "\n  ".join(problems))
    built = [build_service(s, ctx) for s in services]
    translated = []
    for s, doc in zip(services, built, strict=True):
        en = english.get(s["slug"])
        if en:
            fields = {
                "name": en["name"],
                "description": en["description"],
                "eligibility_description": en["eligibility"],
            }
            if "alert" in doc:
                fields["alert"] = en["alert"]
            translated.append({k: fields.get(k, v) for k, v in doc.items()})
    return {
        "taxonomy.json": taxonomy_doc,
        "services.hsds.json": page(built),
        "services.en.hsds.json": page(translated),
    }


def render(doc):
    """Serialise one document the same way every time."""
    return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"


def main(argv=None):
    """Write the JSON files, or with --check fail if they are out of date."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--check", action="store_true", help="only compare with the files"
    )
    args = parser.parse_args(argv)
    stale = []
    for filename, doc in build().items():
        path = HERE / filename
        text = render(doc)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(filename)
        else:
            path.write_text(text, encoding="utf-8")
            size = len(text.encode())
            print(f"wrote {path.relative_to(HERE.parents[1])} ({size} bytes)")
    if stale:
        raise SystemExit(
            f"out of date: {', '.join(stale)}; run python -m {PACKAGE}.build"
        )


if __name__ == "__main__":
    main()
