"""Interface text in the visitor's language: search errors (page and API), opening
days, the schedule's labels; and text in another language than the page's (a
Norwegian service on an Arabic search page) carries its own lang and dir."""

import re

import pytest
from django.core.management import call_command
from django.utils import translation

from directory.models import Schedule
from portal.templatetags.portal_tags import weekdays

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiled_catalogues(settings):
    call_command("compile_catalogues", verbosity=0)
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)  # reloads the catalogues


@pytest.fixture
def directory(portal_site):
    from tests.directory import factories

    factories.make_taxonomy()
    factories.import_services(factories.service_record("Krisesenteret i Testby"))


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nb", "Den kommunen er ikke i Vestland."),
        ("nn", "Den kommunen er ikkje i Vestland."),
        ("en", "That municipality is not in Vestland."),
        ("ar", "هذه البلدية ليست في فيستلاند."),
    ],
)
def test_search_page_errors_are_in_the_visitors_language(
    client, directory, compiled_catalogues, language, message
):
    response = client.get(f"/{language}/sok/", {"municipality": "Atlantis"})

    assert response.status_code == 400
    assert f"<li>{message}</li>" in response.content.decode()


def test_api_errors_follow_lang_else_the_browsers_language(
    client, directory, compiled_catalogues
):
    asked = client.get("/api/search/", {"lang": "nn", "page": "0"})
    browser = client.get(
        "/api/search/", {"per_page": "x"}, headers={"accept-language": "pl"}
    )

    assert asked.status_code == browser.status_code == 400
    assert asked.json()["errors"] == {
        "page": "page må vere eit heilt tal frå 1 til 500."
    }
    assert asked.json()["error"] == "Ugyldige søkjeparametrar."
    assert browser.json()["errors"]["per_page"].startswith(
        "per_page musi być liczbą całkowitą od 1 do"
    )


def test_norwegian_results_on_an_arabic_search_page_say_they_are_norwegian(
    client, directory, compiled_catalogues
):
    html = client.get("/ar/sok/", {"q": "krisesenteret"}).content.decode()
    card = html.split('<li class="card">', 1)[1]  # the one result

    assert re.search(
        r'<a href="/ar/hjelp/[^"]+" lang="nb" dir="ltr">Krisesenteret i Testby</a>',
        card,
    )
    assert '<p class="card-org" lang="nb" dir="ltr">' in card
    assert '<p class="snippet" lang="nb" dir="ltr">' in card


def test_norwegian_results_on_the_norwegian_page_need_no_marking(client, directory):
    html = client.get("/nb/sok/", {"q": "krisesenteret"}).content.decode()

    assert '<a href="/nb/hjelp/' in html
    assert 'lang="nb" dir="ltr">Krisesenteret' not in html


@pytest.mark.parametrize(
    ("language", "byday", "expected"),
    [
        ("nb", "MO,TU,WE,TH,FR", "Mandag–Fredag"),
        ("en", "MO,TU,WE,TH,FR,SA,SU", "Every day"),
        ("nn", "SU,MO,TU,WE,TH,FR,SA", "Alle dagar"),
        ("pl", "TU,TH", "Wtorek, Czwartek"),
        ("en", "1WE", "Wednesday, week 1 of the month"),
    ],
)
def test_opening_days_are_words_in_the_visitors_language(
    compiled_catalogues, language, byday, expected
):
    with translation.override(language):
        assert weekdays(byday) == expected


def test_service_page_shows_opening_days_in_words(
    client, directory, compiled_catalogues
):
    from directory.models import ServicePage

    service = ServicePage.objects.get()
    schedule = service.schedules.get()
    schedule.byday = "MO,TU,WE,TH,FR"
    schedule.save()

    html = client.get("/en" + service.url.removeprefix("/nb")).content.decode()

    assert "Monday–Friday" in html and "MO,TU" not in html


@pytest.mark.parametrize(
    ("language", "label"),
    [("nb", "går over midnatt"), ("en", "runs past midnight")],
)
def test_runs_past_midnight_label_is_translated(compiled_catalogues, language, label):
    field = Schedule._meta.get_field("runs_past_midnight")

    with translation.override(language):
        assert str(field.verbose_name) == label


def test_languages_a_service_offers_are_named_in_their_own_words(
    client, directory, compiled_catalogues
):
    from directory.models import ServicePage
    from directory.models.service_parts import ServiceLanguage

    service = ServicePage.objects.get()
    for code in ("ar", "de", "sgn"):
        ServiceLanguage.objects.create(service=service, code=code)

    html = client.get("/pl" + service.url.removeprefix("/nb")).content.decode()
    offered = html.split("<dt>", 1)[1]

    assert '<span lang="nb" dir="ltr">norsk bokmål</span>' in offered
    assert '<span lang="ar" dir="rtl">العربية</span>' in offered
    assert '<span lang="de" dir="ltr">Deutsch</span>' in offered
    assert "Język migowy" in offered  # sign language: in the reader's language
    assert "Norwegian Bokmål" not in html


def test_back_link_after_an_error_report_keeps_the_visitors_language(client, directory):
    from directory.models import ServicePage

    service = ServicePage.objects.get()
    html = client.get(f"/ar/meld-feil/{service.pk}/takk/").content.decode()

    assert f'href="/ar/{service.url.removeprefix("/nb/")}"' in html
