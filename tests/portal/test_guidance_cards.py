"""The services a guidance page lists tell what their own pages tell first: open
now or round the clock, the phones, and when and by whom they were last verified."""

import uuid

import pytest
from bs4 import BeautifulSoup

from directory.models import ServicePage, TaxonomyTerm
from portal.models import GuidancePage
from tests.directory import factories

pytestmark = pytest.mark.django_db


def weekdays(opens_at, closes_at):
    return [
        {
            "id": str(uuid.uuid4()),
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR",
            "opens_at": opens_at,
            "closes_at": closes_at,
        }
    ]


@pytest.fixture
def guide(home_page):
    factories.make_taxonomy()
    factories.import_services(
        factories.service_record("Døgnåpen hjelp", organisation="Krisesenteret"),
        factories.service_record(
            "Kontortid", organisation="Kontoret", schedules=weekdays("08:00", "15:30")
        ),
        factories.service_record(
            "Uten faste tider", organisation="Frivillige", schedules=[]
        ),
    )
    page = GuidancePage(title="Trygt sted å bo", slug="trygt-sted", summary="Om.")
    home_page.add_child(instance=page)
    page.related_categories.set(
        TaxonomyTerm.objects.filter(code="crisis-shelter", locale__language_code="nb")
    )
    page.save_revision().publish()
    return page


def cards(client, url):
    response = client.get(url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        card.h3.get_text(strip=True): card
        for card in soup.select(".related-services .card")
    }


def badges(card):
    return [badge.get_text(strip=True) for badge in card.select(".badge")]


OPEN, CLOSED, ROUND_THE_CLOCK = "Åpent nå", "Stengt nå", "Åpent hele døgnet"


def test_cards_say_open_24_7_open_or_closed_now_and_nothing_without_hours(
    client, guide
):
    office = ServicePage.objects.get(title="Kontortid")
    open_before = office.is_open_now()
    found = cards(client, guide.url)
    open_after = office.is_open_now()

    assert badges(found["Døgnåpen hjelp"]) == ["Eksempeldata", ROUND_THE_CLOCK]
    # The office's state as the page was drawn (the two differ only if the page
    # was drawn exactly as the office opened or closed).
    states = {OPEN if state else CLOSED for state in (open_before, open_after)}
    (office_state,) = badges(found["Kontortid"])[1:]
    assert office_state in states
    assert badges(found["Uten faste tider"]) == ["Eksempeldata"]


def test_cards_show_the_phone_and_when_and_by_whom_a_service_was_last_verified(
    client, guide
):
    card = cards(client, guide.url)["Kontortid"]

    assert card.select_one("a.call-link")["href"].startswith("tel:+47")
    assert (
        card.select_one(".card-verified").get_text(strip=True)
        == "Sist kontrollert 1. oktober 2026 av Kontoret."
    )


def test_cards_in_another_language_use_its_words(client, guide):
    card = cards(client, f"/en{guide.url[3:]}")["Døgnåpen hjelp"]

    assert badges(card) == ["Example data", "Open 24/7"]
    assert card.select_one(".card-verified").get_text(strip=True) == (
        "Last verified 1 October 2026 by Krisesenteret."
    )
