"""Quick exit is honest: beside the control a help text leads to a short page saying
that it does not erase the browser history and how to do that, in every language."""

import re

import pytest

from .test_headers import STRICT_POLICY, directives

pytestmark = pytest.mark.django_db


@pytest.fixture
def browse_safely(home_page):
    from portal.models import GuidancePage

    page = GuidancePage(
        title="Bruk nettsiden trygt",
        slug="bruk-nettsiden-trygt",
        summary="Råd om private vinduer og historikk.",
        body=[{"type": "paragraph", "value": "<p>Bruk et privat vindu.</p>"}],
        locale=home_page.locale,
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("language", ["nb", "en", "ar"])
def test_the_help_text_beside_quick_exit_links_to_the_honest_page(
    client, home_page, language
):
    html = client.get(f"/{language}/").content.decode()

    help_text = re.search(
        r'<p class="quick-exit-help" id="quick-exit-help">.*?</p>', html
    )
    assert 'aria-describedby="quick-exit-help"' in html
    assert help_text and f'href="/{language}/rask-utgang/"' in help_text.group()


def test_the_note_before_first_use_is_hidden_without_javascript(client, home_page):
    html = client.get("/nb/").content.decode()

    note = re.search(r"<aside[^>]*id=\"quick-exit-note\"[^>]*>", html)
    assert note and " hidden" in note.group()
    assert 'href="/nb/rask-utgang/"' in html


def test_the_page_says_history_is_not_erased_and_how_to_do_it(
    client, browse_safely, settings
):
    settings.LANGUAGE_CODE = "nb"
    response = client.get("/en/rask-utgang/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "It does not delete your browser history." in html
    assert "private window" in html and "Ctrl + Shift + Delete" in html
    assert "replaces only the page you are on" in html
    assert f'href="{browse_safely.url}"' in html  # the "browse safely" guidance
    assert 'id="quick-exit"' in html and 'href="tel:112"' in html
    assert not response.cookies
    assert directives(response) == STRICT_POLICY


def test_the_page_works_without_a_browse_safely_page(client, home_page):
    response = client.get("/nb/rask-utgang/")

    assert response.status_code == 200
    assert 'id="quick-exit-help-page"' in response.content.decode()
