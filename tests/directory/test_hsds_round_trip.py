"""Import, then read back through the API: the same services come out (ids, names,
phones, hours, taxonomy terms), in Norwegian and in English."""

import json

import pytest

from directory.hsds import import_file, read_document
from tests.directory.hsds_support import (
    SHARED,
    capped_dates,
    comparable,
    require_shared,
)

pytestmark = pytest.mark.django_db


def read_back(client, lang="nb"):
    response = client.get(
        "/api/hsds/services", {"full": "true", "per_page": 500, "lang": lang}
    )
    body = json.loads(response.content)
    assert body["total_pages"] == 1
    return {item["id"]: item for item in body["contents"]}


def active(items):
    return {item["id"]: item for item in items if item["status"] == "active"}


def test_the_projects_example_slice_comes_back_as_it_went_in(client, hsds_example):
    _taxonomy, services, english = hsds_example
    sent = active(services["contents"])

    received = read_back(client)

    assert set(received) == set(sent)
    for service_id, item in sent.items():
        assert comparable(received[service_id]) == comparable(item)
    in_english = read_back(client, "en")
    for item in english["contents"]:
        if item["id"] in sent:
            assert in_english[item["id"]]["name"] == item["name"]


@pytest.mark.shared_data
def test_the_vestland_dataset_comes_back_as_it_went_in(client, portal_site, tmp_path):
    require_shared(
        "taxonomy.json",
        "vestland-services.hsds.json",
        "vestland-services.en.hsds.json",
    )
    document = capped_dates(read_document(SHARED / "vestland-services.hsds.json"))
    services = tmp_path / "services.json"
    services.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    import_file(SHARED / "taxonomy.json")
    report = import_file(services)
    english = import_file(SHARED / "vestland-services.en.hsds.json", language="en")

    assert report.counts["created"] >= len(document["contents"])
    assert english.counts["created"] == 63
    sent = active(document["contents"])
    received = read_back(client)
    assert set(received) == set(sent)
    mismatched = [
        service_id
        for service_id, item in sent.items()
        if comparable(received[service_id]) != comparable(item)
    ]
    assert mismatched == []
    in_english = read_back(client, "en")
    translated = read_document(SHARED / "vestland-services.en.hsds.json")
    for item in translated["contents"]:
        if item["id"] in sent:
            assert in_english[item["id"]]["name"] == item["name"]
            assert in_english[item["id"]]["description"] == item["description"]
