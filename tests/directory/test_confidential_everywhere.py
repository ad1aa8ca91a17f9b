"""A crisis shelter's street address never leaves the server: every public output
of the example directory is searched for every secret address."""

import json
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

pytestmark = pytest.mark.django_db

EXAMPLE = Path(__file__).resolve().parents[2] / "directory/example_data"


def secrets():
    """Street, postal code and exact coordinates of every confidential location."""
    found = []
    for service in json.loads((EXAMPLE / "services.hsds.json").read_text())["contents"]:
        for link in service["service_at_locations"]:
            location = link["location"]
            if not location.get("x_confidential"):
                continue
            for address in location.get("addresses", []):
                found.append(address["address_1"])
            found.append(f"{location['latitude']:.4f}")
            found.append(f"{location['longitude']:.4f}")
    assert found, "the example data must have confidential locations to test"
    return found


@pytest.fixture
def everything(example_content):
    call_command("rebuild_search_index", verbosity=0)


def public_outputs(client):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.get_url()
        if url:
            yield url, client.get(url).content.decode()
    for query in ["krisesenter", "bo skjult", "Bergen", "shelter", ""]:
        for path in ["/api/search/", "/nb/sok/"]:
            response = client.get(
                path, {"q": query, "per_page": 50} if "api" in path else {"q": query}
            )
            yield f"{path}?q={query}", response.content.decode()
        suggest = client.get("/api/search/suggest/", {"q": query[:3] or "k"})
        yield f"suggest {query}", suggest.content.decode()
    for lang in ("nb", "en"):
        params = {"full": "true", "per_page": 500, "lang": lang}
        hsds = client.get("/api/hsds/services", params)
        yield f"HSDS API ({lang})", hsds.content.decode()
    csv_export = client.get("/api/hsds/services.csv")
    yield "CSV export", b"".join(csv_export.streaming_content).decode()


def test_no_public_output_contains_a_secret_address(client, everything):
    secret_values = secrets()
    checked = 0

    for where, body in public_outputs(client):
        checked += 1
        for secret in secret_values:
            assert secret not in body, f"{secret!r} leaked in {where}"

    assert checked > 60


def test_the_search_index_holds_no_secret_address(everything):
    from search.backends.base import get_backend

    backend = get_backend()
    stored = json.dumps(
        [backend.get_document(doc_id).as_dict() for doc_id in backend.document_ids()],
        default=str,
    )

    assert "Krisesenter" in stored or "krisesenter" in stored
    for secret in secrets():
        assert secret not in stored
