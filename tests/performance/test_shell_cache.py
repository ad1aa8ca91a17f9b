"""The site shell's shared parts (portal/shell_cache.py: language links, where a
translated page lives, the home page's kinds of help and entry points, the quick-exit
address, the locales) are kept in the shared cache between requests, with the page
cache off, and a publish, an unpublish, a term or a setting saved shows in them at the
next request: the change replaces the page cache's generation token once it commits
(``django_capture_on_commit_callbacks(execute=True)`` runs that commit step here).

Each test first changes the data the way no signal sees (an SQL UPDATE) to show that
the part really is served from the cache, then makes the change an editor makes."""

import re
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, PageViewRestriction

from directory.models import ServicePage, TaxonomyTerm
from portal.models import GuidancePage, HomePage, SafetySettings
from tests.directory import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def shell_cache_on(settings):
    settings.PORTAL_SHELL_CACHE = True
    settings.PAGE_CACHE = False


@pytest.fixture
def shelter(home_page, django_capture_on_commit_callbacks):
    """A Norwegian service with an English translation (published)."""
    factories.make_taxonomy()
    record = factories.service_record("Krisesenteret", organisation="Hjelpeorg")
    factories.import_services(record)
    english = dict(record, name="The crisis shelter", description="Safe place.")
    factories.import_services(english, language="en")
    return ServicePage.objects.get(hsds_id=record["id"], locale__language_code="nb")


def english_of(page):
    return page.get_translation(Locale.objects.get(language_code="en"))


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def english_link(html):
    """The language switcher's link to English."""
    return re.search(r'<a href="([^"]*)" lang="en" hreflang="en"', html).group(1)


def test_language_links_follow_a_publish_and_an_unpublish(
    client, shelter, django_capture_on_commit_callbacks
):
    english = english_of(shelter)
    url = shelter.url
    assert english_link(html_of(client, url)) == english.url

    # Served from the shared cache: a change no signal sees does not show...
    ServicePage.objects.filter(pk=english.pk).update(url_path="/changed/")
    assert english_link(html_of(client, url)) == english.url
    ServicePage.objects.filter(pk=english.pk).update(url_path=english.url_path)

    # ...an unpublish does, at the next request,
    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    html = html_of(client, url)
    assert english_link(html) == "/en/" + url.removeprefix("/nb/")
    assert 'hreflang="en"' not in html.split("</head>")[0]

    # and so does publishing it again under a new address.
    english.refresh_from_db()
    english.slug = "crisis-shelter"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    english.refresh_from_db()
    html = html_of(client, url)
    assert english_link(html) == english.url
    assert english.url.endswith("/crisis-shelter/")
    assert f'hreflang="en" href="http://testserver{english.url}"' in html


def test_the_move_to_a_translation_follows_its_publish(
    client, shelter, django_capture_on_commit_callbacks
):
    english = english_of(shelter)
    norwegian_under_en = "/en/" + shelter.url.removeprefix("/nb/")
    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    assert client.get(norwegian_under_en).status_code == 200  # Norwegian, notice

    english.refresh_from_db()
    english.slug = "crisis-shelter"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    english.refresh_from_db()

    response = client.get(norwegian_under_en)
    assert response.status_code == 302
    assert response["Location"] == english.url


def test_home_categories_follow_a_term_change(
    client, home_page, django_capture_on_commit_callbacks
):
    factories.make_taxonomy()
    assert "Crisis shelter" in html_of(client, "/en/")
    term = TaxonomyTerm.objects.get(code="crisis-shelter", locale__language_code="en")

    TaxonomyTerm.objects.filter(pk=term.pk).update(name="Not shown yet")
    assert "Not shown yet" not in html_of(client, "/en/")

    term.name = "Shelter from violence"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()
    html = html_of(client, "/en/")
    assert "Shelter from violence" in html and "Crisis shelter" not in html


def test_home_entry_points_follow_a_publish(
    client, home_page, django_capture_on_commit_callbacks
):
    guide = GuidancePage(title="For fagfolk", slug="for-fagfolk", summary="Kort.")
    with django_capture_on_commit_callbacks(execute=True):
        home_page.add_child(instance=guide)
        guide.save_revision().publish()
    home_page.professional_page = guide
    with django_capture_on_commit_callbacks(execute=True):
        home_page.save_revision().publish()
    assert 'href="/nb/for-fagfolk/"' in html_of(client, "/nb/")

    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    html = html_of(client, "/nb/")
    assert 'href="/nb/for-fagfolk/"' not in html
    assert html.count('href="/nb/sok/"') >= 3  # every entry point: the search page


def test_quick_exit_address_follows_the_safety_settings(
    client, home_page, django_capture_on_commit_callbacks
):
    site = home_page.get_site()
    found = SafetySettings.for_site(site)
    with django_capture_on_commit_callbacks(execute=True):
        found.quick_exit_url = "https://www.nrk.no/"
        found.save()
    assert 'href="https://www.nrk.no/"' in html_of(client, "/nb/")

    SafetySettings.objects.filter(pk=found.pk).update(quick_exit_url="https://a.no/")
    assert 'href="https://www.nrk.no/"' in html_of(client, "/nb/")

    found.quick_exit_url = "https://www.vg.no/"
    with django_capture_on_commit_callbacks(execute=True):
        found.save()
    assert 'href="https://www.vg.no/"' in html_of(client, "/nb/")


def test_the_shared_parts_save_queries(client, shelter, settings):
    def queries(url):
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    url = "/en/" + shelter.url.removeprefix("/nb/")
    cached = {path: queries(path) for path in ("/nb/", "/ar/", url)}
    settings.PORTAL_SHELL_CACHE = False
    uncached = {path: queries(path) for path in ("/nb/", "/ar/", url)}
    for path, count in cached.items():
        assert count < uncached[path], path


def test_the_site_follows_a_site_saved(
    client, home_page, django_capture_on_commit_callbacks
):
    from wagtail.models import Site

    guide = GuidancePage(title="En annen forside", slug="annen", summary="Kort.")
    with django_capture_on_commit_callbacks(execute=True):
        home_page.add_child(instance=guide)
        guide.save_revision().publish()
    assert "En annen forside" not in html_of(client, "/nb/")

    site = Site.objects.get(is_default_site=True)
    Site.objects.filter(pk=site.pk).update(root_page=guide)
    assert "En annen forside" not in html_of(client, "/nb/")

    site.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert "<h1>En annen forside</h1>" in html_of(client, "/nb/").replace(
        ' lang="nb" dir="ltr"', ""
    )


def test_the_home_page_follows_its_publish(
    client, home_page, django_capture_on_commit_callbacks
):
    """Wagtail routes every request from the site's home page object, which is kept
    with the site."""
    assert "Hjelp ved vold i nære relasjoner</h1>" in html_of(client, "/nb/")
    HomePage.objects.filter(pk=home_page.pk).update(title="Not shown yet")
    assert "Not shown yet" not in html_of(client, "/nb/")

    home_page.refresh_from_db()
    home_page.title = "Hjelp nær deg"
    with django_capture_on_commit_callbacks(execute=True):
        home_page.save_revision().publish()
    assert ">Hjelp nær deg</h1>" in html_of(client, "/nb/")


def test_the_home_page_in_the_visitors_language_follows_its_publish(
    client, home_page, django_capture_on_commit_callbacks
):
    """Which home page a language is routed from (its translation, else the
    Norwegian one) is kept in the shared cache too: a translation published or
    unpublished shows at the next request."""
    assert "Hjelp ved vold i nære relasjoner</h1>" in html_of(client, "/en/")
    english = home_page.copy_for_translation(Locale.objects.get(language_code="en"))
    english.title = "Help with violence in close relationships"
    with django_capture_on_commit_callbacks(execute=True):
        english.save_revision().publish()
    assert ">Help with violence in close relationships</h1>" in html_of(client, "/en/")
    assert "Hjelp ved vold i nære relasjoner</h1>" in html_of(client, "/nb/")
    assert "Hjelp ved vold i nære relasjoner</h1>" in html_of(client, "/ar/")

    english = HomePage.objects.get(pk=english.pk)
    with django_capture_on_commit_callbacks(execute=True):
        english.unpublish()
    assert "Hjelp ved vold i nære relasjoner</h1>" in html_of(client, "/en/")


@pytest.mark.parametrize("language", ["nb", "ar"])
def test_a_view_restriction_holds_from_the_next_request(
    client, home_page, language, django_capture_on_commit_callbacks
):
    url = f"/{language}/"
    assert client.get(url).status_code == 200  # no restriction, remembered

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=home_page, restriction_type=PageViewRestriction.LOGIN
        )
    response = client.get(url)
    assert response.status_code == 302
    assert "login" in response["Location"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(url).status_code == 200


def test_a_password_restriction_is_checked_against_each_request(
    client, home_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=home_page,
            restriction_type=PageViewRestriction.PASSWORD,
            password="eksempelpassord",
        )
    for _ in range(2):  # the second time from the shared cache
        response = client.get("/nb/")
        assert response.status_code == 200
        html = response.content.decode()
        assert 'name="password"' in html
        assert "entry-list" not in html


def test_the_safety_part_is_kept_per_language(client, home_page):
    """The quick exit and the emergency numbers, rendered once per language and
    host (portal_tags.shell_fragment), on every page."""
    norwegian = html_of(client, "/nb/")
    assert "Forlat siden raskt" in norwegian and 'href="tel:112"' in norwegian
    arabic = html_of(client, "/ar/")
    assert "غادر هذا الموقع بسرعة" in arabic and "Forlat siden raskt" not in arabic
    help_links = re.findall(r'<a href="([^"]*)">[^<]*</a></p>\s*</nav>', arabic)
    assert help_links and help_links[0].startswith("/ar/")
    search = html_of(client, "/nb/sok/?q=krisesenter")
    assert "Forlat siden raskt" in search and 'href="tel:112"' in search


def test_the_translation_notice_follows_a_publish(
    client, shelter, django_capture_on_commit_callbacks
):
    """The notice above a page's text (portal_tags.page_shell "header"): the page
    is shown in Norwegian under /pl/ until its Polish translation is published."""
    polish_url = "/pl/" + shelter.url.removeprefix("/nb/")
    assert "notice-untranslated" in html_of(client, polish_url)

    record = factories.service_record("Krisesenteret", organisation="Hjelpeorg")
    polish = dict(record, id=shelter.hsds_id, name="Schronisko", description="Tak.")
    with django_capture_on_commit_callbacks(execute=True):
        factories.import_services(polish, language="pl")
    html = html_of(client, polish_url)
    assert "Schronisko" in html
    assert "notice-untranslated" not in html


def test_made_up_addresses_leave_nothing_in_the_shared_cache(client, home_page):
    """A "not found" page is worked out afresh: its shell is not kept per address,
    so that addresses anyone can make up cannot fill the shared cache."""
    from django.core.cache import caches

    from portal.page_cache import ALIAS

    folder = caches[ALIAS]._dir

    def entries():
        return len(list(Path(folder).glob("*.djcache")))

    assert client.get("/nb/finnes-ikke-1/").status_code == 404
    before = entries()
    for n in range(2, 7):
        response = client.get(f"/nb/finnes-ikke-{n}/")
        assert response.status_code == 404
        assert "Forlat siden raskt" in response.content.decode()
    assert entries() == before
