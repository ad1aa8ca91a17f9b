"""Build directory content for tests through the same importer editors' data uses."""

import itertools
import uuid

from directory.hsds import import_document

_numbers = itertools.count(1)

TERMS = [
    ("crisis-shelter", "category", "Krisesenter", "Crisis shelter"),
    ("police", "category", "Politi", "Police"),
    ("for-victims", "audience", "Voldsutsatte", "People exposed to violence"),
    ("free-of-charge", "feature", "Gratis", "Free of charge"),
]


def term_id(code):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"test-term/{code}"))


def taxonomy_document():
    return {
        "terms": [
            {
                "id": term_id(code),
                "code": code,
                "taxonomy": taxonomy,
                "name": {"nb": nb, "en": en},
                "synonyms": {"nb": [nb.lower()], "en": [en.lower()]},
            }
            for code, taxonomy, nb, en in TERMS
        ]
    }


def service_record(name="Testtjeneste", *, organisation="Testorganisasjon", **fields):
    number = next(_numbers)
    record = {
        "id": str(uuid.uuid4()),
        "organization_id": str(uuid.uuid5(uuid.NAMESPACE_URL, organisation)),
        "organization": {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, organisation)),
            "name": organisation,
            "description": f"Om {organisation}.",
            "email": "org@example.org",
        },
        "name": name,
        "description": f"Beskrivelse av {name}.",
        "status": "active",
        "assured_date": "2026-10-01",
        "x_example_data": True,
        "phones": [
            {"id": str(uuid.uuid4()), "number": f"+47 00 00 00 {number % 100:02d}"}
        ],
        "schedules": [
            {
                "id": str(uuid.uuid4()),
                "freq": "WEEKLY",
                "byday": "MO,TU,WE,TH,FR,SA,SU",
                "opens_at": "00:00",
                "closes_at": "23:59",
            }
        ],
        "service_areas": [{"id": str(uuid.uuid4()), "name": "Bergen"}],
        "service_at_locations": [],
        "languages": [{"id": str(uuid.uuid4()), "code": "nb"}],
        "attributes": [
            {"id": str(uuid.uuid4()), "taxonomy_term_id": term_id("crisis-shelter")}
        ],
    }
    record.update(fields)
    return record


def confidential_location(street="Hemmeligveien 7", lat=60.391234, lon=5.324567):
    return {
        "id": str(uuid.uuid4()),
        "location": {
            "id": str(uuid.uuid4()),
            "location_type": "physical",
            "name": "Skjult botilbud",
            "latitude": lat,
            "longitude": lon,
            "x_confidential": True,
            "addresses": [
                {
                    "id": str(uuid.uuid4()),
                    "address_1": street,
                    "city": "Bergen",
                    "region": "Bergen",
                    "state_province": "Vestland",
                    "postal_code": "5003",
                    "country": "NO",
                    "address_type": "postal",
                }
            ],
        },
    }


def import_services(*records, language=None):
    return import_document({"contents": list(records)}, language=language)


def make_taxonomy():
    import_document(taxonomy_document())
