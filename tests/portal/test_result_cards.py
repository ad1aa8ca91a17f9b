"""A search result card shows at a glance what a person needs: what it is, for whom,
open now or 24/7, a phone to tap, the languages spoken, free or anonymous, and when
the details were last checked."""

import pytest
from bs4 import BeautifulSoup

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(portal_site):
    from tests.directory import factories

    factories.make_taxonomy()
    factories.import_services(
        factories.service_record(
            "Krisesenteret i Testby",
            languages=[
                {"id": "00000000-0000-4000-8000-00000000a001", "code": "nb"},
                {"id": "00000000-0000-4000-8000-00000000a002", "code": "ar"},
                {"id": "00000000-0000-4000-8000-00000000a003", "code": "sgn"},
            ],
            attributes=[
                {
                    "id": "00000000-0000-4000-8000-00000000a004",
                    "taxonomy_term_id": factories.term_id(code),
                }
                for code in ("crisis-shelter", "for-victims", "free-of-charge")
            ],
        ),
    )


def card(client, language="nb"):
    html = client.get(f"/{language}/sok/", {"q": "krisesenteret"}).content
    return BeautifulSoup(html, "html.parser").select_one("ol.cards > li.card")


def test_a_card_shows_everything_at_a_glance(client, directory):
    found = card(client)

    assert found.h2.a.text == "Krisesenteret i Testby"
    assert found.select_one(".snippet").text.strip()  # what it is
    assert "Voldsutsatte" in found.select_one(".card-for").text  # for whom
    badges = [badge.text for badge in found.select(".badge")]
    assert "Åpent hele døgnet" in badges or "Open 24/7" in badges
    assert "Eksempeldata" in badges or "Example data" in badges
    assert any("Gratis" in badge for badge in badges)
    assert found.select_one(".card-phones a")["href"].startswith("tel:+4700")
    assert found.select_one(".card-verified").text == (
        "Sist kontrollert 1. oktober 2026 av Testorganisasjon."
    )


def test_languages_are_named_in_their_own_language(client, directory):
    languages = card(client, "en").select(".card-languages span")

    assert [(span["lang"], span["dir"], span.text) for span in languages] == [
        ("nb", "ltr", "norsk bokmål"),
        ("ar", "rtl", "العربية"),
    ]
    assert "Sign language" in card(client, "en").select_one(".card-languages").text


def test_a_card_follows_its_service_publish(client, directory):
    """Cards' documents, phones and verification dates are kept per process between
    searches, until the index changes: a publish shows at the next search."""
    import datetime as dt

    from directory.models import ServicePage

    found = card(client)  # kept now
    assert found.select_one(".card-phones a")["href"].startswith("tel:+4700")

    service = ServicePage.objects.get(title="Krisesenteret i Testby")
    service.title = "Krisesenteret i Nyby"
    service.assured_date = dt.date(2026, 11, 2)
    phone = service.phones.first()
    phone.number = "+4700000999"
    service.phones = [phone]
    service.save_revision().publish()

    found = card(client)
    assert found.h2.a.text == "Krisesenteret i Nyby"
    assert found.select_one(".card-phones a")["href"] == "tel:+4700000999"
    assert "2. november 2026" in found.select_one(".card-verified").text


def test_a_kept_card_is_kept_per_language(client, directory):
    """Cards are kept per process between searches, each in its visitor's
    language."""
    assert "Voldsutsatte" in card(client, "nb").select_one(".card-for").text
    english = card(client, "en")
    assert "Voldsutsatte" not in english.select_one(".card-for").text
    assert english.select_one(".card-verified").text.startswith("Last verified")
    assert (
        card(client, "nb")
        .select_one(".card-verified")
        .text.startswith("Sist kontrollert")
    )


def test_a_kept_card_follows_the_clock(client, portal_site, monkeypatch):
    """Whether a service is open now is worked out at every search, also for a
    card kept from an earlier one."""
    import datetime as dt
    import uuid

    from django.utils import timezone

    from tests.directory import factories

    factories.make_taxonomy()
    factories.import_services(
        factories.service_record(
            "Krisesenteret på dagtid",
            schedules=[
                {
                    "id": str(uuid.uuid4()),
                    "freq": "WEEKLY",
                    "byday": "MO,TU,WE,TH,FR",
                    "opens_at": "08:00",
                    "closes_at": "15:30",
                }
            ],
        )
    )
    monday = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)  # no public holiday

    def badges_at(hour):
        monkeypatch.setattr(timezone, "now", lambda: monday + dt.timedelta(hours=hour))
        return [badge.text for badge in card(client).select(".badge")]

    assert "Åpent nå" in badges_at(9)
    assert "Stengt nå" in badges_at(19)
    assert "Åpent nå" in badges_at(10)
