"""The open-data API (/api/hsds/): the Open Referral `Page` envelope, filters,
paging, languages, plain JSON errors, and confidential locations masked."""

import datetime as dt
import json
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from directory.models import OrganisationPage, ServicePage
from tests.directory import factories
from tests.directory.hsds_support import confidential_secrets

pytestmark = pytest.mark.django_db

POLICE_112 = "58c57b38-696a-5068-83dd-6c7d73f0340b"


def get(client, path, **params):
    response = client.get(f"/api/hsds/{path}", params)
    return response, json.loads(response.content)


def ids(body):
    return [item["id"] for item in body["contents"]]


# --- Lists and paging -----------------------------------------------------------


def test_services_are_the_published_active_ones_in_a_page_envelope(
    client, hsds_example
):
    _taxonomy, services, _english = hsds_example
    active = {s["id"] for s in services["contents"] if s["status"] == "active"}

    response, body = get(client, "services")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert set(ids(body)) == active
    assert body["total_items"] == len(active) == body["size"]
    assert (body["total_pages"], body["page_number"]) == (1, 1)
    assert body["first_page"] and body["last_page"] and not body["empty"]


def test_an_unpublished_service_is_not_listed(client, make_service):
    shown = make_service("Vises")
    hidden = make_service("Avpublisert")
    hidden.unpublish()

    _response, body = get(client, "services")

    assert ids(body) == [str(shown.hsds_id)]
    assert get(client, f"services/{hidden.hsds_id}")[0].status_code == 404


def test_pages_cover_every_service_once(client, taxonomy):
    records = [factories.service_record(f"Tjeneste {n}") for n in range(5)]
    factories.import_services(*records)

    pages = [get(client, "services", per_page=2, page=n)[1] for n in (1, 2, 3, 4)]

    assert [p["size"] for p in pages] == [2, 2, 1, 0]
    assert [p["total_pages"] for p in pages] == [3, 3, 3, 3]
    assert [p["first_page"] for p in pages] == [True, False, False, False]
    assert [p["last_page"] for p in pages] == [False, False, True, True]
    assert pages[3]["empty"] and pages[3]["contents"] == []
    listed = [item for page in pages for item in ids(page)]
    assert sorted(listed) == sorted(r["id"] for r in records)


def test_an_empty_directory_is_an_empty_first_page(client, portal_site):
    _response, body = get(client, "services")

    assert body == {
        "total_items": 0,
        "total_pages": 1,
        "page_number": 1,
        "size": 0,
        "first_page": True,
        "last_page": True,
        "empty": True,
        "contents": [],
    }


# --- Filters --------------------------------------------------------------------


def test_search_matches_name_or_description_ignoring_case_also_for_ae_oe_aa(
    client, taxonomy
):
    orsta = factories.service_record("Ørsta krisesenter")
    other = factories.service_record(
        "Annet tilbud", description="Hjelp for familier på Åsane."
    )
    factories.import_services(orsta, other, factories.service_record("Tredje"))

    assert ids(get(client, "services", search="ØRSTA")[1]) == [orsta["id"]]
    assert ids(get(client, "services", search="krisesenter")[1]) == [orsta["id"]]
    assert ids(get(client, "services", search="åSANE")[1]) == [other["id"]]
    assert ids(get(client, "services", search="finnes ikke")[1]) == []


def test_taxonomy_filters_find_services_with_the_term_or_the_taxonomy(client, taxonomy):
    police = factories.service_record(
        "Politi",
        attributes=[
            {"id": str(uuid.uuid4()), "taxonomy_term_id": factories.term_id("police")}
        ],
    )
    shelter = factories.service_record("Krisesenter")  # crisis-shelter only
    factories.import_services(police, shelter)
    from directory.hsds.common import taxonomy_id

    by_term = get(client, "services", taxonomy_term_id=factories.term_id("police"))
    by_taxonomy = get(client, "services", taxonomy_id=str(taxonomy_id("category")))
    by_audience = get(client, "services", taxonomy_id=str(taxonomy_id("audience")))

    assert ids(by_term[1]) == [police["id"]]
    assert sorted(ids(by_taxonomy[1])) == sorted([police["id"], shelter["id"]])
    assert ids(by_audience[1]) == []
    unknown = get(client, "services", taxonomy_term_id=str(uuid.uuid4()))
    assert unknown[0].status_code == 200 and unknown[1]["total_items"] == 0


def test_modified_after_lists_what_was_published_since(client, taxonomy):
    old, new = factories.service_record("Gammel"), factories.service_record("Ny")
    factories.import_services(old, new)
    long_ago = timezone.now() - dt.timedelta(days=30)
    ServicePage.objects.filter(hsds_id=old["id"]).update(last_published_at=long_ago)
    week_ago = (timezone.now() - dt.timedelta(days=7)).date().isoformat()

    assert ids(get(client, "services", modified_after=week_ago)[1]) == [new["id"]]
    since = (long_ago - dt.timedelta(hours=1)).isoformat()
    assert len(ids(get(client, "services", modified_after=since)[1])) == 2
    service = get(client, f"services/{old['id']}")[1]
    assert service["last_modified"] == long_ago.isoformat(timespec="seconds").replace(
        "+00:00", "Z"
    )


def test_organization_filter_lists_that_organisations_services(client, taxonomy):
    a1 = factories.service_record("A1", organisation="Org A")
    a2 = factories.service_record("A2", organisation="Org A")
    factories.import_services(a1, a2, factories.service_record("B", organisation="B"))
    org_a = OrganisationPage.objects.get(title="Org A")

    _response, body = get(client, "services", organization_id=str(org_a.hsds_id))

    assert sorted(ids(body)) == sorted([a1["id"], a2["id"]])
    assert {item["organization"]["name"] for item in body["contents"]} == {"Org A"}


# --- One service ----------------------------------------------------------------


def test_a_service_comes_fully_nested(client, hsds_example):
    response, service = get(client, f"services/{POLICE_112}")

    assert response.status_code == 200
    assert service["name"].startswith("Politiet – ring 112")
    assert service["organization"]["name"] == "Politiet"
    assert service["organization_id"] == service["organization"]["id"]
    (phone,) = service["phones"]
    assert phone["number"] == "112"
    assert {lang["code"] for lang in phone["languages"]} == {"nb", "en"}
    (schedule,) = service["schedules"]
    assert (schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MO,TU,WE,TH,FR,SA,SU",
        "00:00",
        "23:59",
    )
    assert [area["name"] for area in service["service_areas"]] == ["Hele landet"]
    assert {lang["code"] for lang in service["languages"]} >= {"nb", "en"}
    (link,) = service["service_at_locations"]
    assert link["location"]["location_type"] == "virtual"
    term = service["attributes"][0]["taxonomy_term"]
    assert service["attributes"][0]["taxonomy_term_id"] == term["id"]
    assert term["language"] == "nb" and term["name"] and term["code"]
    assert term["taxonomy_detail"]["id"] == term["taxonomy_id"]
    assert service["x_example_data"] is True


def test_english_texts_are_laid_over_the_norwegian_service(client, hsds_example):
    _taxonomy, _services, english = hsds_example
    translated = next(s for s in english["contents"] if s["id"] == POLICE_112)

    _response, service = get(client, f"services/{POLICE_112}", lang="en")
    _response, listed = get(client, "services", lang="en", full="true")

    assert service["name"] == translated["name"]
    assert service["description"] == translated["description"]
    assert service["phones"][0]["number"] == "112"
    assert {a["taxonomy_term"]["language"] for a in service["attributes"]} == {"en"}
    police = next(s for s in listed["contents"] if s["id"] == POLICE_112)
    assert police["name"] == translated["name"]
    # Services without an English text keep their Norwegian one.
    assert listed["total_items"] == get(client, "services")[1]["total_items"]


def test_unknown_or_hidden_services_are_404_json(client, hsds_example):
    _taxonomy, services, _english = hsds_example
    inactive = next(s for s in services["contents"] if s["status"] == "inactive")

    for service_id in (str(uuid.uuid4()), "not-a-uuid", inactive["id"]):
        response, body = get(client, f"services/{service_id}")
        assert response.status_code == 404
        assert "service" in body["error"]


# --- Confidential locations -----------------------------------------------------


def shelters(body):
    return [
        link["location"]
        for service in body["contents"]
        for link in service.get("service_at_locations", [])
        if link["location"].get("x_confidential")
    ]


def test_a_confidential_location_shows_its_municipality_and_an_area_only(
    client, hsds_example
):
    _response, body = get(client, "services", full="true")

    (first, *others) = shelters(body)
    assert others, "the example slice has more than one shelter"
    for location in [first, *others]:
        (address,) = location["addresses"]
        assert address["address_1"] == "" and address["postal_code"] == ""
        assert address["region"] in ("Bergen", "Sunnfjord")
        assert "name" not in location and "description" not in location
        assert "accessibility" not in location
        # Rounded to a grid about 1 km wide.
        assert round(location["latitude"] * 100, 6) % 1 == 0
        assert round(location["longitude"] * 50, 6) % 1 == 0


def test_no_api_answer_contains_a_secret_address(client, hsds_example):
    _taxonomy, services, _english = hsds_example
    secrets = confidential_secrets(services["contents"])
    assert secrets
    organisation_ids = {s["organization_id"] for s in services["contents"]}
    answers = [
        get(client, "services", full="true", lang=lang)[0] for lang in ("nb", "en")
    ]
    answers += [get(client, f"services/{s['id']}")[0] for s in services["contents"]]
    answers += [
        get(client, f"organizations/{org}", full_service="true")[0]
        for org in organisation_ids
    ]

    for response in answers:
        text = response.content.decode()
        for secret in secrets:
            assert secret not in text


# --- Organisations and taxonomies -----------------------------------------------


def test_organizations_list_and_one_with_its_services(client, hsds_example):
    _taxonomy, services, _english = hsds_example
    shelter = next(
        s for s in services["contents"] if "Krisesenteret i Bergen" in s["name"]
    )
    org_id = shelter["organization_id"]

    _response, listed = get(client, "organizations")
    _response, organisation = get(client, f"organizations/{org_id}")
    _response, full = get(client, f"organizations/{org_id}", full_service="true")

    assert org_id in ids(listed)
    assert organisation["name"] == shelter["organization"]["name"]
    assert len(organisation["services"]) == 2
    assert "phones" not in organisation["services"][0]
    assert all(service["phones"] for service in full["services"])
    assert get(client, f"organizations/{uuid.uuid4()}")[0].status_code == 404


def test_taxonomies_and_terms_with_their_filters(client, hsds_example):
    from directory.hsds.common import taxonomy_id

    _response, taxonomies = get(client, "taxonomies")
    _response, terms = get(client, "taxonomy_terms", per_page=500)
    category = str(taxonomy_id("category"))
    _response, categories = get(client, "taxonomy_terms", taxonomy_id=category)
    _response, top = get(client, "taxonomy_terms", top_only="true", per_page=500)
    child = next(t for t in terms["contents"] if "parent_id" in t)
    _response, siblings = get(client, "taxonomy_terms", parent_id=child["parent_id"])
    _response, english = get(client, f"taxonomy_terms/{child['id']}", lang="en")

    assert {t["name"] for t in taxonomies["contents"]} == {
        "category",
        "audience",
        "feature",
    }
    assert get(client, f"taxonomies/{category}")[1]["name"] == "category"
    assert {t["taxonomy"] for t in categories["contents"]} == {"category"}
    assert all("parent_id" not in t for t in top["contents"])
    assert 0 < top["total_items"] < terms["total_items"]
    assert child["id"] in ids(siblings)
    assert english["language"] == "en" and english["id"] == child["id"]
    assert get(client, f"taxonomy_terms/{uuid.uuid4()}")[0].status_code == 404


# --- Errors and manners ---------------------------------------------------------


@pytest.mark.parametrize(
    "params",
    [
        {"page": "0"},
        {"page": "two"},
        {"per_page": "501"},
        {"per_page": "-1"},
        {"taxonomy_term_id": "police"},
        {"organization_id": "1"},
        {"modified_after": "yesterday"},
        {"modified_after": "0001-01-01T00:00:00+14:00"},
        {"full": "maybe"},
        {"lang": "xx"},
        {"search": "x" * 201},
        {"search": "nul\x00byte"},
        {"postcode": "5003"},
        {"page": "abc", "per_page": "0", "modified_after": "x", "lang": "xx"},
    ],
)
def test_invalid_parameters_are_400_with_a_message_per_parameter(
    client, portal_site, params
):
    response, body = get(client, "services", **params)

    assert response.status_code == 400
    assert body["error"] == "Invalid parameters."
    assert set(body["errors"]) == set(params)


def test_a_huge_page_number_is_just_past_the_end(client, portal_site):
    response, body = get(client, "services", page=str(10**9))

    assert response.status_code == 200 and body["empty"]


def test_the_api_is_read_only_sets_no_cookie_and_may_be_used_from_any_site(
    client, hsds_example
):
    for path in ["services", f"services/{POLICE_112}", "taxonomy_terms", ""]:
        response = client.get(f"/api/hsds/{path}")
        assert response.status_code == 200, path
        assert not response.cookies
        assert response["Access-Control-Allow-Origin"] == "*"

    posted = client.post("/api/hsds/services", {})
    assert posted.status_code == 405 and posted["Allow"] == "GET, HEAD"
    assert json.loads(posted.content)["error"]
    assert client.head("/api/hsds/services").status_code == 200


def test_a_search_is_not_kept_in_shared_caches(client, portal_site):
    assert client.get("/api/hsds/services", {"search": "vold"})["Cache-Control"] == (
        "no-store"
    )


def test_an_unknown_api_address_is_404_json(client, portal_site):
    response = client.get("/api/hsds/servicez")

    assert response.status_code == 404
    assert "services" in json.loads(response.content)["error"]


def test_a_page_of_full_services_costs_the_same_queries_for_more_services(
    client, taxonomy
):
    def queries(**params):
        with CaptureQueriesContext(connection) as captured:
            client.get("/api/hsds/services", {"full": "true", **params})
        return len(captured)

    factories.import_services(*[factories.service_record() for _ in range(2)])
    few = queries(), queries(lang="en")
    factories.import_services(*[factories.service_record() for _ in range(6)])

    assert (queries(), queries(lang="en")) == few
