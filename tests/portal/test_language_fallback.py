"""A page the visitor's language lacks is shown in Norwegian under the visitor's
language prefix, with a notice in their language, never a 404: also where that
language's page tree exists because other pages were translated (the English
services make an English tree whose guidance pages are missing)."""

import re

import pytest
from wagtail.models import Locale

from directory.models import ServicePage
from portal.languages import PORTAL_LANGUAGES, RTL_LANGUAGES
from portal.models import GuidancePage
from tests.directory import factories

pytestmark = pytest.mark.django_db

NOTICE = "notice-untranslated"


def guidance(parent, title, slug, body="Vold er aldri din skyld."):
    page = GuidancePage(
        title=title,
        slug=slug,
        summary=f"Kort om {title.lower()}.",
        body=[{"type": "paragraph", "value": f"<p>{body}</p>"}],
        locale=parent.locale,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def site_with_english_services(home_page):
    """Norwegian guidance (one page with a child page) and two services; only one
    service is translated into English, which gives English aliases of the home
    page, the directory and the organisation (Norwegian text in the English tree)."""
    factories.make_taxonomy()
    what = guidance(home_page, "Hva er vold?", "hva-er-vold")
    guidance(what, "Når barn ser vold", "nar-barn-ser-vold", "Barn merker mye.")
    shelter = factories.service_record("Krisesenteret", organisation="Hjelpeorg")
    helpline = factories.service_record("Hjelpetelefonen", organisation="Hjelpeorg")
    factories.import_services(shelter, helpline)
    english = dict(shelter, name="The crisis shelter", description="Safe place.")
    factories.import_services(english, language="en")
    return {
        "what": what,
        "shelter": ServicePage.objects.get(
            hsds_id=shelter["id"], locale__language_code="nb"
        ),
        "helpline": ServicePage.objects.get(hsds_id=helpline["id"]),
    }


def get(client, url):
    response = client.get(url)
    return response, response.content.decode()


def test_guidance_missing_from_the_english_tree_is_shown_in_norwegian(
    client, site_with_english_services
):
    response, html = get(client, "/en/hva-er-vold/")

    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in html
    assert NOTICE in html and "not translated into your language yet" in html
    assert re.search(r'<h1 lang="nb" dir="ltr">Hva er vold\?</h1>', html)
    assert 'class="guidance-body" lang="nb" dir="ltr"' in html


def test_nested_pages_fall_back_at_any_depth(client, site_with_english_services):
    guidance_child, child_html = get(client, "/en/hva-er-vold/nar-barn-ser-vold/")
    helpline = site_with_english_services["helpline"]
    service_path = helpline.url.removeprefix("/nb/")
    service, service_html = get(client, f"/en/{service_path}")

    assert service_path.count("/") == 3  # hjelp/<organisation>/<service>/
    assert guidance_child.status_code == 200 and "Barn merker mye." in child_html
    assert service.status_code == 200
    assert NOTICE in service_html and "Hjelpetelefonen" in service_html


def test_every_language_falls_back_with_its_own_notice_and_direction(
    client, site_with_english_services
):
    _response, html = get(client, "/ar/hva-er-vold/")

    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar">هذه الصفحة' in html or NOTICE in html
    # Norwegian text on a right-to-left page keeps its own direction.
    assert '<h1 lang="nb" dir="ltr">' in html


def test_pages_that_do_not_exist_at_all_are_still_404(
    client, site_with_english_services
):
    assert client.get("/en/finnes-ikke/").status_code == 404
    assert client.get("/en/hva-er-vold/finnes-ikke/").status_code == 404
    assert client.get("/pl/finnes-ikke/").status_code == 404


def test_a_real_translation_is_served_without_the_notice(
    client, site_with_english_services
):
    shelter = site_with_english_services["shelter"]
    english = shelter.get_translation(Locale.objects.get(language_code="en"))
    response, html = get(client, english.url)

    assert response.status_code == 200
    assert "The crisis shelter" in html
    assert NOTICE not in html and "notice-translated" in html


def test_a_norwegian_address_of_a_translated_page_moves_to_the_translation(
    client, site_with_english_services
):
    shelter = site_with_english_services["shelter"]
    english = shelter.get_translation(Locale.objects.get(language_code="en"))
    english.slug = "crisis-shelter"
    english.save_revision().publish()
    english.refresh_from_db()

    response = client.get("/en/" + shelter.url.removeprefix("/nb/"))

    assert response.status_code == 302
    assert response["Location"] == english.url
    assert english.url.endswith("/crisis-shelter/")


def test_aliases_in_the_english_tree_count_as_norwegian_text(
    client, site_with_english_services
):
    _response, home = get(client, "/en/")
    _response, directory = get(client, "/en/hjelp/")

    for html in (home, directory):
        assert NOTICE in html
        assert '<h1 lang="nb" dir="ltr">' in html


def test_links_on_fallback_pages_keep_the_visitors_language(
    client, site_with_english_services
):
    _response, html = get(client, "/en/hva-er-vold/")
    _response, directory = get(client, "/ar/hjelp/")

    assert 'href="/en/hva-er-vold/nar-barn-ser-vold/"' in html
    assert 'href="/nb/hva-er-vold/nar-barn-ser-vold/"' not in html
    links = re.findall(r'<li><a href="([^"]+)"', directory.split("<main", 1)[1])
    assert links and all(link.startswith("/ar/hjelp/") for link in links)


def test_the_switcher_leads_to_the_same_page_in_every_language(
    client, site_with_english_services
):
    shelter = site_with_english_services["shelter"]
    english = shelter.get_translation(Locale.objects.get(language_code="en"))
    english.slug = "crisis-shelter"
    english.save_revision().publish()
    english.refresh_from_db()

    _response, html = get(client, english.url)
    switcher = html.split('class="language-switcher"', 1)[1]

    nb_path = shelter.url.removeprefix("/nb/")
    assert f'href="{shelter.url}" lang="nb"' in switcher
    assert f'href="/pl/{nb_path}" lang="pl"' in switcher
    assert client.get(f"/pl/{nb_path}").status_code == 200
    _response, norwegian = get(client, shelter.url)
    assert f'href="{english.url}" lang="en"' in norwegian


def test_hreflang_lists_only_real_translations(client, site_with_english_services):
    shelter = site_with_english_services["shelter"]
    _response, translated = get(client, shelter.url)
    _response, untranslated = get(client, "/en/hva-er-vold/")
    _response, home = get(client, "/en/")

    alternates = re.compile(r'<link rel="alternate" hreflang="([\w-]+)"')
    assert alternates.findall(translated) == ["nb", "en", "x-default"]
    assert alternates.findall(untranslated) == ["nb", "x-default"]
    # The English home page is an alias of the Norwegian one: Norwegian text.
    assert alternates.findall(home) == ["nb", "x-default"]


LANGUAGES = [code for code, _name, _autonym, _rtl in PORTAL_LANGUAGES]


def test_home_directory_and_service_pages_in_all_thirteen_languages(
    client, site_with_english_services
):
    shelter = site_with_english_services["shelter"]
    path = shelter.url.removeprefix("/nb/")
    assert len(LANGUAGES) == 13
    for language in LANGUAGES:
        direction = "rtl" if language in RTL_LANGUAGES else "ltr"
        for url in (f"/{language}/", f"/{language}/hjelp/", f"/{language}/{path}"):
            response, html = get(client, url)

            assert response.status_code == 200, url
            assert f'<html lang="{language}" dir="{direction}">' in html, url
            norwegian_text = language != "nb" and not (
                language == "en" and url.endswith(path)
            )
            assert (NOTICE in html) == norwegian_text, url
            if norwegian_text:
                assert '<h1 lang="nb" dir="ltr"' in html or (
                    '<h1 id="service-title" lang="nb" dir="ltr">' in html
                ), url
