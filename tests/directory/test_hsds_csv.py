"""The directory as a spreadsheet (/api/hsds/services.csv): Excel-ready UTF-8, one
row per published service, confidential addresses masked, no formulas."""

import csv
import io

import pytest

from directory.hsds.spreadsheet import COLUMNS, safe_cell
from tests.directory import factories
from tests.directory.hsds_support import confidential_secrets

pytestmark = pytest.mark.django_db


def download(client, **params):
    response = client.get("/api/hsds/services.csv", params)
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def table(body, delimiter=","):
    text = body.decode("utf-8")
    assert text.startswith("\ufeff"), "Excel needs the byte-order mark for UTF-8"
    return list(csv.DictReader(io.StringIO(text[1:]), delimiter=delimiter))


def test_one_row_per_published_service_with_its_details(client, hsds_example):
    _taxonomy, services, _english = hsds_example

    response, body = download(client)

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert not response.cookies
    rows = table(body)
    assert list(rows[0]) == COLUMNS
    by_id = {row["id"]: row for row in rows}
    assert set(by_id) == {s["id"] for s in services["contents"]}
    police = by_id["58c57b38-696a-5068-83dd-6c7d73f0340b"]
    assert police["organization"] == "Politiet"
    assert police["phones"] == "112"
    assert police["status"] == "active"
    assert police["service_areas"] == "Hele landet"
    assert police["last_verified"] == "2026-09-14"
    assert police["categories"] and police["example_data"] == "yes"
    assert police["page_url"].startswith("http")
    statuses = {row["status"] for row in rows}
    assert statuses == {"active", "temporarily closed", "inactive"}


def test_a_confidential_location_shows_only_its_municipality(client, hsds_example):
    _taxonomy, services, _english = hsds_example
    secrets = confidential_secrets(services["contents"])

    _response, body = download(client)

    shelters = [row for row in table(body) if row["confidential_location"] == "yes"]
    assert len(shelters) >= 2
    for row in shelters:
        assert row["location"] in (
            "confidential address, Bergen",
            "confidential address, Sunnfjord",
        )
        assert len(row["latitude"].rstrip("0").split(".")[1]) <= 2
    text = body.decode("utf-8")
    for secret in secrets:
        assert secret not in text


def test_semicolons_for_a_spreadsheet_set_up_for_norway(client, taxonomy):
    factories.import_services(factories.service_record("Én; to, tre"))

    _response, body = download(client, delimiter="semicolon")

    (row,) = table(body, delimiter=";")
    assert row["name"] == "Én; to, tre"


def test_text_that_starts_like_a_formula_is_not_a_formula(client, taxonomy):
    factories.import_services(factories.service_record("=HYPERLINK(1)"))

    _response, body = download(client)

    (row,) = table(body)
    assert row["name"] == "'=HYPERLINK(1)"
    assert safe_cell("+47 55") == "'+47 55" and safe_cell("Bergen") == "Bergen"


def test_a_wrong_delimiter_is_400(client, portal_site):
    response = client.get("/api/hsds/services.csv", {"delimiter": "tab"})

    assert response.status_code == 400
