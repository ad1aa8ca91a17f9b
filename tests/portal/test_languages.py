"""Every page says its language, links its translations, and never 404s for want of
a translation."""

import pytest

pytestmark = pytest.mark.django_db

LANGUAGES = [
    "nb",
    "nn",
    "en",
    "pl",
    "uk",
    "lt",
    "ar",
    "so",
    "ti",
    "fa",
    "ur",
    "tr",
    "se",
]
RTL = {"ar", "fa", "ur"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_renders_in_every_language_with_lang_and_dir(
    client, home_page, language
):
    response = client.get(f"/{language}/")

    direction = "rtl" if language in RTL else "ltr"
    assert response.status_code == 200
    assert f'<html lang="{language}" dir="{direction}">' in response.content.decode()


def test_hreflang_alternates_list_only_real_translations(client, home_page):
    """A page's alternates are its translations (test_language_fallback.py has the
    translated cases); the search page is all interface text, so every language."""
    page = client.get("/nb/").content.decode()
    search = client.get("/nb/sok/").content.decode()

    assert 'hreflang="nb" href="http://testserver/nb/"' in page
    assert 'hreflang="en"' not in page.split("</head>")[0]
    for language in LANGUAGES:
        assert f'hreflang="{language}" href="http://testserver/{language}/sok/"' in (
            search
        )
    assert 'hreflang="x-default"' in page and 'hreflang="x-default"' in search


def test_language_switcher_offers_every_language_for_the_same_page(client, home_page):
    html = client.get("/nb/").content.decode()
    switcher = html.split('class="language-switcher"', 1)[1]

    for language in LANGUAGES:
        assert f'href="/{language}/" lang="{language}"' in switcher


def test_untranslated_page_shows_norwegian_text_with_a_notice(client, example_content):
    html = client.get("/pl/bruk-nettsiden-trygt/").content.decode()

    assert "notice-untranslated" in html
    assert "Bruk nettsiden trygt" in html


def test_language_switcher_uses_names_in_their_own_script(client, home_page):
    html = client.get("/nb/").content.decode()

    for autonym in ["العربية", "Soomaali", "ትግርኛ", "davvisámegiella", "українська"]:
        assert autonym in html


def test_language_switcher_and_alternates_are_well_formed(client, home_page):
    """Both are made as HTML in Python (portal_tags): every language once, in
    order, the current one marked, each by its own name; the head's alternates
    are <link> elements with full addresses."""
    from bs4 import BeautifulSoup

    from portal.languages import AUTONYMS

    soup = BeautifulSoup(client.get("/ar/").content, "html.parser")
    links = soup.select("details.language-switcher > ul > li > a")
    assert [a["hreflang"] for a in links] == LANGUAGES
    assert [a["lang"] for a in links] == LANGUAGES
    assert [a["href"] for a in links] == [f"/{code}/" for code in LANGUAGES]
    assert [a.text for a in links] == [AUTONYMS[code] for code in LANGUAGES]
    assert [a["lang"] for a in links if a.get("aria-current") == "true"] == ["ar"]
    alternates = soup.head.select('link[rel="alternate"]')
    assert [(link["hreflang"], link["href"]) for link in alternates] == [
        ("nb", "http://testserver/nb/"),
        ("x-default", "http://testserver/"),
    ]
