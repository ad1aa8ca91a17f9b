"""Conformance with the official HSDS 3.0 JSON Schemas (../shared/data/hsds-3.0):
every API answer, and what the importer accepts."""

import json

import pytest

from directory.hsds import read_document
from tests.directory import factories
from tests.directory.hsds_support import (
    EXAMPLE,
    SHARED,
    page_problems,
    problems,
    require_shared,
)

pytestmark = pytest.mark.shared_data


@pytest.fixture(autouse=True)
def schemas():
    require_shared("hsds-3.0/compiled/service.json", "hsds-3.0/openapi.json")


def get(client, path, **params):
    response = client.get(f"/api/hsds/{path}", params)
    assert response.status_code == 200, (path, response.content[:200])
    return json.loads(response.content)


def test_the_schema_check_is_not_vacuous():
    assert problems({"id": "not-a-uuid", "status": "open"}, "service")
    assert problems({"id": factories.term_id("police")}, "taxonomy_term")


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["nb", "en"])
def test_every_api_answer_validates_against_the_hsds_schemas(
    client, hsds_example, lang
):
    _taxonomy, services, _english = hsds_example
    found = []
    listed = get(client, "services", lang=lang)
    full = get(client, "services", lang=lang, full="true")
    found += page_problems(listed, "service_list")
    found += page_problems(full, "service")
    for item in full["contents"]:
        detail = get(client, f"services/{item['id']}", lang=lang)
        found += [f"service {item['id']}: {p}" for p in problems(detail, "service")]
    organisations = get(client, "organizations", lang=lang)
    found += page_problems(organisations, "organization_list")
    for item in organisations["contents"]:
        for full_service in ("false", "true"):
            detail = get(
                client, f"organizations/{item['id']}", full_service=full_service
            )
            found += [
                f"org {item['id']}: {p}" for p in problems(detail, "organization")
            ]
    found += page_problems(get(client, "taxonomies"), "taxonomy")
    terms = get(client, "taxonomy_terms", lang=lang, per_page=500)
    found += page_problems(terms, "taxonomy_term")
    for item in terms["contents"][:5]:
        detail = get(client, f"taxonomy_terms/{item['id']}", lang=lang)
        found += problems(detail, "taxonomy_term")

    assert len(full["contents"]) >= 5 and terms["contents"]
    assert found == []


def test_the_projects_own_example_data_validates_against_service_json():
    for name in ("services.hsds.json", "services.en.hsds.json"):
        document = read_document(EXAMPLE / name)
        found = page_problems(document, "service")
        assert found == [], name


def test_what_the_test_factories_import_validates_against_service_json():
    records = [
        factories.service_record("Vanlig"),
        factories.service_record(
            "Hemmelig", service_at_locations=[factories.confidential_location()]
        ),
    ]

    assert [problems(record, "service") for record in records] == [[], []]


def test_the_shared_vestland_data_validates_against_service_json():
    require_shared("vestland-services.hsds.json", "vestland-services.en.hsds.json")
    for name in ("vestland-services.hsds.json", "vestland-services.en.hsds.json"):
        document = read_document(SHARED / name)
        assert page_problems(document, "service") == [], name
