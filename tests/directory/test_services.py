"""What a visitor sees of a service: trust signals, status, and secret addresses."""

import pytest

from tests.directory import factories

pytestmark = pytest.mark.django_db

SECRET_STREET = "Hemmeligveien 7"


def test_service_page_shows_last_verified_date_organisation_and_example_notice(
    client, make_service
):
    service = make_service("Krisesenter Vest", organisation="Vest sanitetsforening")

    html = client.get(service.url).content.decode()

    assert "Sist kontrollert 1. oktober 2026 av Vest sanitetsforening" in html or (
        "Last verified 1. oktober 2026 by Vest sanitetsforening" in html
    )
    assert 'class="example-data"' in html
    assert 'href="tel:+4700000' in html


def test_the_last_verified_date_is_written_as_each_language_writes_dates(
    client, make_service
):
    service = make_service("Krisesenter Vest", organisation="Vest sanitetsforening")
    path = service.url.removeprefix("/nb/")

    english = client.get(f"/en/{path}").content.decode()
    polish = client.get(f"/pl/{path}").content.decode()

    assert "Last verified 1 October 2026 by Vest sanitetsforening" in english
    assert "1 października 2026" in polish  # the month in the genitive


def test_confidential_address_never_reaches_the_page(client, make_service):
    service = make_service(
        "Skjult krisesenter",
        service_at_locations=[factories.confidential_location(SECRET_STREET)],
    )

    html = client.get(service.url).content.decode()

    assert SECRET_STREET not in html
    assert "5003" not in html
    assert "60.391234" not in html and "60,391234" not in html
    assert "Bergen" in html


def test_confidential_coordinates_are_rounded_to_about_a_kilometre(make_service):
    service = make_service(
        service_at_locations=[
            factories.confidential_location(lat=60.391234, lon=5.3245)
        ]
    )

    (location,) = service.public_locations

    assert location.address_1 == "" and location.postal_code == ""
    assert float(location.latitude) == pytest.approx(60.39)
    assert float(location.longitude) == pytest.approx(5.32)


@pytest.mark.parametrize("status", ["inactive", "temporarily closed"])
def test_closed_service_still_answers_with_a_notice_and_alternatives(
    client, make_service, status
):
    alternative = make_service("Åpent krisesenter")
    closed = make_service("Stengt krisesenter", status=status, alert="Stengt.")

    response = client.get(closed.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'class="notice notice-closed"' in html
    assert alternative.url in html
    assert not closed.is_listed and alternative.is_listed
