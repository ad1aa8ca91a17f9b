"""Guidance and service pages keep what is the same for every visitor of one language
in the shared cache, with the page cache off (issue 10): a service page's parts and
text, a guidance page's text, cards and subpages, and the page served itself. Keys
hold the language (and, for a page's own parts, its live revision); a publish of the
page or of another page shows through the generation the publish replaces (its
on-commit step, run here by ``django_capture_on_commit_callbacks``); "open now" is
worked out at every render; a preview shows the draft.

As in test_shell_cache.py, a test first changes the data the way no signal sees (an
SQL UPDATE) to show that the part really is served from the cache."""

import datetime as dt
import uuid

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone, translation

from directory.models import Phone, ServicePage, TaxonomyTerm
from portal.models import GuidancePage
from tests.directory import factories

pytestmark = pytest.mark.django_db

OPEN, CLOSED = "Åpent nå", "Stengt nå"
# A Monday that is no public holiday, in Norwegian time.
MONDAY = dt.datetime(2026, 11, 23, tzinfo=dt.UTC)
MORNING, EVENING = MONDAY + dt.timedelta(hours=9), MONDAY + dt.timedelta(hours=19)


@pytest.fixture(autouse=True)
def shell_cache_on(settings):
    settings.PORTAL_SHELL_CACHE = True
    settings.PAGE_CACHE = False


def office_hours():
    return [
        {
            "id": str(uuid.uuid4()),
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR",
            "opens_at": "08:00",
            "closes_at": "15:30",
        }
    ]


@pytest.fixture
def office(portal_site):
    factories.make_taxonomy()
    record = factories.service_record(
        "Kontoret for hjelp",
        organisation="Hjelpeorg",
        schedules=office_hours(),
        service_at_locations=[factories.confidential_location()],
    )
    factories.import_services(record)
    return ServicePage.objects.get(hsds_id=record["id"], locale__language_code="nb")


@pytest.fixture
def guide(home_page, office):
    page = GuidancePage(title="Trygt sted", slug="trygt-sted", summary="Om det.")
    home_page.add_child(instance=page)
    page.related_categories.set(
        TaxonomyTerm.objects.filter(code="crisis-shelter", locale__language_code="nb")
    )
    page.save_revision().publish()
    return page


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def text(soup, selector):
    found = soup.select_one(selector)
    return found.get_text(" ", strip=True) if found else None


def test_a_service_page_shows_its_own_publish_at_the_next_render(
    client, office, django_capture_on_commit_callbacks
):
    url = office.url
    first = soup_of(client, url)
    phone = text(first, ".phones .phone")
    assert text(first, ".description") == "Beskrivelse av Kontoret for hjelp."

    # Served from the shared cache: changes no signal sees do not show...
    ServicePage.objects.filter(pk=office.pk).update(description="Ikke vist ennå.")
    Phone.objects.filter(service=office).update(number="+4700009999")
    cached = soup_of(client, url)
    assert text(cached, ".description") == "Beskrivelse av Kontoret for hjelp."
    assert text(cached, ".phones .phone") == phone

    # ...a publish of the page does, at the next render.
    office.refresh_from_db()
    office.description = "Ny beskrivelse."
    with django_capture_on_commit_callbacks(execute=True):
        office.save_revision().publish()
    published = soup_of(client, url)
    assert text(published, ".description") == "Ny beskrivelse."
    assert text(published, ".phones .phone") == "00 00 99 99"


def test_the_cached_service_page_masks_a_confidential_address(client, office):
    for _visit in range(2):  # drawn, then from the shared cache
        html = str(soup_of(client, office.url))
        assert "Hemmeligveien" not in html
        assert "60.391234" not in html


def test_each_language_gets_its_own_service_page_text(client, office):
    norwegian = text(soup_of(client, office.url), ".provider")
    arabic = text(soup_of(client, "/ar" + office.url[3:]), ".provider")
    with translation.override("ar"):
        expected = translation.gettext("Offered by %(organisation)s") % {
            "organisation": "Hjelpeorg"
        }
    assert arabic == expected != norwegian
    assert text(soup_of(client, office.url), ".provider") == norwegian


def test_open_now_is_worked_out_at_every_render(client, guide, office, monkeypatch):
    def card_badges():
        soup = soup_of(client, guide.url)
        (card,) = soup.select(".related-services .card")
        return [badge.get_text(strip=True) for badge in card.select(".badge")]

    def page_badges():
        soup = soup_of(client, office.url)
        return [badge.get_text(strip=True) for badge in soup.select(".badges .badge")]

    monkeypatch.setattr(timezone, "now", lambda: MORNING)
    assert OPEN in card_badges() and OPEN in page_badges()
    monkeypatch.setattr(timezone, "now", lambda: EVENING)
    assert CLOSED in card_badges() and CLOSED in page_badges()
    assert OPEN not in card_badges() + page_badges()


def test_a_guidance_page_shows_its_own_publish_at_the_next_render(
    client, guide, django_capture_on_commit_callbacks
):
    assert text(soup_of(client, guide.url), ".summary") == "Om det."

    GuidancePage.objects.filter(pk=guide.pk).update(
        summary="Ikke vist ennå.", title="Ikke vist heller"
    )
    cached = soup_of(client, guide.url)
    assert text(cached, ".summary") == "Om det."
    assert text(cached, "title").startswith("Trygt sted")  # the page itself, too

    guide.refresh_from_db()
    guide.title, guide.summary = "Trygt sted", "Ny oppsummering."
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    assert text(soup_of(client, guide.url), ".summary") == "Ny oppsummering."


def test_an_unpublished_page_is_gone_at_the_next_request(
    client, guide, django_capture_on_commit_callbacks
):
    assert client.get(guide.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert client.get(guide.url).status_code == 404
    assert client.get("/ar" + guide.url[3:]).status_code == 404


def test_guidance_cards_and_subpages_follow_a_publish_elsewhere(
    client, guide, office, django_capture_on_commit_callbacks
):
    def card_titles():
        soup = soup_of(client, guide.url)
        return [h3.get_text(strip=True) for h3 in soup.select(".card h3")]

    assert card_titles() == ["Kontoret for hjelp"]
    ServicePage.objects.filter(pk=office.pk).update(title="Ikke vist ennå")
    assert card_titles() == ["Kontoret for hjelp"]

    office.refresh_from_db()
    office.title = "Hjelpekontoret"
    with django_capture_on_commit_callbacks(execute=True):
        office.save_revision().publish()
    assert card_titles() == ["Hjelpekontoret"]

    with django_capture_on_commit_callbacks(execute=True):
        office.unpublish()
    assert card_titles() == []

    child = GuidancePage(title="Neste steg", slug="neste-steg", summary="Mer.")
    with django_capture_on_commit_callbacks(execute=True):
        guide.add_child(instance=child)
        child.save_revision().publish()
    assert text(soup_of(client, guide.url), ".subpages") == "Neste steg"


def test_a_preview_shows_the_draft_not_the_cached_page(client, guide, office):
    soup_of(client, guide.url)
    soup_of(client, office.url)  # both in the shared cache now

    guide.summary = "Utkast som ikke er publisert."
    preview = guide.make_preview_request()
    assert "Utkast som ikke er publisert." in preview.content.decode()

    office.description = "Utkast til beskrivelse."
    preview = office.make_preview_request()
    assert "Utkast til beskrivelse." in preview.content.decode()


@pytest.mark.parametrize("which", ["guide", "office"])
def test_a_view_restriction_above_the_page_holds_from_the_next_request(
    client, guide, office, which, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    page = {"guide": guide, "office": office}[which]
    assert client.get(page.url).status_code == 200  # no restriction, remembered

    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=page.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    response = client.get(page.url)
    assert response.status_code == 302
    assert "login" in response["Location"]

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert client.get(page.url).status_code == 200


def tree_queries(client, url):
    """The status of a visit to ``url`` and how many times it read the pages on the
    way (routing: one query for every level of the address)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        status = client.get(url).status_code
    return status, sum('"url_path" IN' in q["sql"] for q in captured)


def test_the_way_to_a_page_follows_a_move_at_the_next_request(
    client, guide, django_capture_on_commit_callbacks
):
    assert tree_queries(client, guide.url) == (200, 1)
    # From the shared cache: a change no signal sees does not show...
    GuidancePage.objects.filter(pk=guide.pk).update(url_path="/endret/")
    assert tree_queries(client, guide.url) == (200, 0)
    GuidancePage.objects.filter(pk=guide.pk).update(url_path=guide.url_path)

    # ...a new address, published, does.
    old_url = guide.url
    guide.refresh_from_db()
    guide.slug = "trygt-sted-aa-bo"
    with django_capture_on_commit_callbacks(execute=True):
        guide.save_revision().publish()
    guide.refresh_from_db()
    assert client.get(guide.url).status_code == 200
    assert guide.url != old_url
    # The old address is no longer served: Wagtail's redirect leads on.
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"] == guide.url

    # An unpublished page is not served from what was kept either.
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert client.get(guide.url).status_code == 404


def test_addresses_that_lead_nowhere_are_not_kept(client, guide):
    missing = guide.url + "finnes-ikke/"
    for _visit in range(2):
        status, reads = tree_queries(client, missing)
        assert status == 404 and reads >= 1


def test_the_way_through_the_norwegian_tree_is_kept_until_a_publish(
    client, home_page, guide, django_capture_on_commit_callbacks
):
    """With an English home page but no English guide, /en/<slug>/ is routed
    through both trees; the page found is kept, and follows an unpublish."""
    from wagtail.models import Locale

    english_home = home_page.copy_for_translation(
        Locale.objects.get(language_code="en")
    )
    with django_capture_on_commit_callbacks(execute=True):
        english_home.save_revision().publish()
    url = "/en" + guide.url[3:]
    assert text(soup_of(client, url), ".summary") == "Om det."

    # Kept: a change no signal sees does not show...
    GuidancePage.objects.filter(pk=guide.pk).update(slug="flyttet")
    assert client.get(url).status_code == 200
    GuidancePage.objects.filter(pk=guide.pk).update(slug=guide.slug)

    # ...an unpublish does, at the next request.
    guide = GuidancePage.objects.get(pk=guide.pk)
    with django_capture_on_commit_callbacks(execute=True):
        guide.unpublish()
    assert client.get(url).status_code == 404
