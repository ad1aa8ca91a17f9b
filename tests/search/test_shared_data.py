"""What every search shares is kept per process until the index generation changes
(search.lexicon): term names, the taxonomy's codes and the texts editors promoted
pages for. A change made by an editor must show in the very next search."""

import pytest
from wagtail.models import Locale

from directory.models import TaxonomyTerm
from search.backends.base import SearchQuery
from search.service import run_search

pytestmark = pytest.mark.django_db


def test_a_promotion_made_after_a_search_counts_at_once(
    search_backend, indexed_directory
):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    guidance = indexed_directory["guidance"]
    before = run_search(SearchQuery(text="Krisesenter", language="nb"))
    query = Query.objects.create(query_string="krisesenter")
    SearchPromotion.objects.create(query=query, page=guidance, sort_order=0)
    after = run_search(SearchQuery(text="Krisesenter", language="nb"))
    query.delete()
    gone = run_search(SearchQuery(text="Krisesenter", language="nb"))

    assert not any(hit.promoted for hit in before.hits)
    assert after.hits[0].id == str(guidance.pk) and after.hits[0].promoted
    assert not any(hit.promoted for hit in gone.hits)


def test_a_renamed_category_shows_on_the_search_page_and_in_the_api_at_once(
    search_backend, client
):
    url = "/nb/sok/?q=krisesenter"
    term = TaxonomyTerm.objects.get(code="crisis-shelter", locale__language_code="nb")
    before = client.get(url).text
    api_before = client.get("/api/search/", {"q": "krisesenter", "lang": "nb"})

    term.name = "Trygt bosted nå"
    term.save()
    after = client.get(url).text
    api_after = client.get("/api/search/", {"q": "krisesenter", "lang": "nb"})

    def label(response):
        facet = response.json()["facets"]["category"]
        return next(f["label"] for f in facet if f["value"] == "crisis-shelter")

    assert "Trygt bosted nå" not in before and "Trygt bosted nå" in after
    assert label(api_before) != "Trygt bosted nå" == label(api_after)


def test_a_new_category_can_be_chosen_at_once(search_backend, client):
    url = "/nb/sok/?category=stalking-help"
    refused = client.get(url)

    TaxonomyTerm.objects.create(
        code="stalking-help",
        taxonomy="category",
        name="Hjelp mot forfølgelse",
        locale=Locale.objects.get(language_code="nb"),
    )
    accepted = client.get(url)

    assert refused.status_code == 400
    assert accepted.status_code == 200
    # No service has it yet: the page offers every kind of help, the new one too.
    assert "Hjelp mot forfølgelse" in accepted.text
