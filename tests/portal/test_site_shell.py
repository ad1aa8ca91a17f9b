"""The site shell every public page shares: language, emergency numbers, quick exit."""

import pytest

pytestmark = pytest.mark.django_db

EMERGENCY_LINKS = [
    'href="tel:112"',
    'href="tel:113"',
    'href="tel:110"',
    'href="tel:116111"',
]


def test_root_sends_visitor_to_their_browser_language_without_a_cookie(
    client, home_page
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/ar/"
    assert not response.cookies


def test_root_falls_back_to_norwegian_for_unknown_languages(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="xx")

    assert response["Location"] == "/nb/"


def test_home_page_shows_emergency_numbers_as_tap_to_call_links(client, home_page):
    response = client.get("/nb/")

    html = response.content.decode()
    assert response.status_code == 200
    for link in EMERGENCY_LINKS:
        assert link in html
    assert not response.cookies


def test_home_page_has_quick_exit_and_skip_link(client, home_page):
    html = client.get("/nb/").content.decode()

    assert 'id="quick-exit"' in html
    assert 'class="skip-link" href="#main"' in html
    assert 'id="main"' in html


def test_a_first_visit_writes_nothing(client, home_page):
    """The quick exit leads to the default address while the site has no safety
    settings, which a visit does not create (a write on a GET, which would also
    purge every cached page); an editor's settings are used once saved."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.models import SafetySettings

    SafetySettings.objects.all().delete()
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/nb/").content.decode()
    assert 'class="quick-exit" href="https://www.yr.no/"' in html
    assert not SafetySettings.objects.exists()
    assert not [q for q in captured if not q["sql"].lstrip().startswith("SELECT")]

    SafetySettings.objects.create(
        site=home_page.get_site(), quick_exit_url="https://www.nrk.no/"
    )
    assert 'href="https://www.nrk.no/"' in client.get("/nb/").content.decode()


@pytest.mark.parametrize(
    ("language", "direction"),
    [("nb", "ltr"), ("en", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("so", "ltr")],
)
def test_page_declares_language_and_direction(client, home_page, language, direction):
    html = client.get(f"/{language}/").content.decode()

    assert f'<html lang="{language}" dir="{direction}">' in html


def test_interface_is_norwegian_on_the_norwegian_home_page(client, home_page):
    html = client.get("/nb/").content.decode()

    assert "Forlat siden raskt" in html
    assert "Politi" in html


def test_unknown_address_gives_a_helpful_404_with_emergency_numbers(client, home_page):
    response = client.get("/nb/finnes-ikke/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "Vi fant ikke siden" in html
    assert 'href="tel:112"' in html


def test_server_error_page_needs_no_context_and_shows_emergency_numbers(rf):
    from portal.views import server_error

    response = server_error(rf.get("/nb/"))

    assert response.status_code == 500
    assert 'href="tel:112"' in response.content.decode()


def test_page_loads_nothing_from_other_hosts(client, home_page):
    import re

    html = client.get("/nb/").content.decode()
    assets = re.findall(
        r'<(?:script|link|img|iframe|source)[^>]+(?:src|href)="([^"]+)"', html
    )

    own = ("/", "http://testserver/")
    assert assets
    assert all(url.startswith(own) and not url.startswith("//") for url in assets)
