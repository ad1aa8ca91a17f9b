"""An import hands its pages to the search indexes in batches, not one by one:
the portal's search and Wagtail's admin search find every imported service, an
organisation's new name reaches its services, and afterwards pages edited by
hand are indexed as they are saved again."""

import pytest

from directory.hsds import ImportFailed, importer
from directory.models import OrganisationPage, ServicePage
from tests.directory import factories

pytestmark = pytest.mark.django_db


def portal_search(client, text):
    response = client.get("/api/search/", {"q": text, "lang": "nb"})
    assert response.status_code == 200
    return {hit["title"] for hit in response.json()["results"]}


def admin_search(model, text):
    return {page.title for page in model.objects.search(text)}


@pytest.fixture
def small_batches(monkeypatch):
    # Several batches in a small import: the last, partial one must count too.
    monkeypatch.setattr(importer, "INDEX_BATCH_SIZE", 3)


def test_every_imported_service_is_found_by_both_searches(
    client, taxonomy, small_batches
):
    names = [f"Fjordhjelp nummer{n}" for n in range(7)]
    factories.import_services(
        *[factories.service_record(name, organisation=f"Lag {name}") for name in names]
    )

    assert portal_search(client, "fjordhjelp") == set(names)
    for name in names:
        assert portal_search(client, name.split()[-1]) == {name}
    assert admin_search(ServicePage, "fjordhjelp") == set(names)
    assert admin_search(OrganisationPage, "fjordhjelp") == {f"Lag {n}" for n in names}


def test_a_renamed_organisation_reaches_its_services_documents(
    client, taxonomy, small_batches
):
    records = [
        factories.service_record(f"Tjeneste {n}", organisation="Gamlelaget")
        for n in range(4)
    ]
    factories.import_services(*records)
    assert portal_search(client, "Kvitebjørnlaget") == set()
    for record in records:
        record["organization"]["name"] = "Kvitebjørnlaget"

    factories.import_services(*records)

    assert portal_search(client, "Kvitebjørnlaget") == {
        f"Tjeneste {n}" for n in range(4)
    }


def test_a_failed_import_indexes_nothing(client, taxonomy, small_batches):
    good = [factories.service_record(f"Sjøhjelp {n}") for n in range(4)]
    bad = factories.service_record("Sjøhjelp feil", minimum_age=18, maximum_age=9)

    with pytest.raises(ImportFailed):
        factories.import_services(*good, bad)

    assert portal_search(client, "sjøhjelp") == set()
    assert admin_search(ServicePage, "sjøhjelp") == set()


def test_after_an_import_a_page_saved_by_hand_is_indexed_at_once(client, taxonomy):
    record = factories.service_record("Fyrlykta")
    factories.import_services(record)
    service = ServicePage.objects.get(hsds_id=record["id"])

    service.title = "Havbrisen"
    service.save_revision().publish()

    assert admin_search(ServicePage, "havbrisen") == {"Havbrisen"}
    assert portal_search(client, "havbrisen") == {"Havbrisen"}
