"""The search contract: what every backend must do, written as specifications.

Every test takes the `search_backend` fixture (tests/search/conftest.py), which is
parametrised over the backends, so the same tests run against the database
backend and Elasticsearch. test_contract.py collects them.
"""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from wagtail.models import Locale, Page

from directory.hsds import import_document
from directory.models import OrganisationPage, ServicePage
from search.backends.base import Point, SearchFilters, SearchQuery
from search.service import run_search
from tests.directory.factories import service_record, term_id
from tests.search import dataset

OSLO = ZoneInfo("Europe/Oslo")
# A Tuesday morning, no public holiday.
TUESDAY_MORNING = dt.datetime(2026, 11, 17, 10, 0, tzinfo=OSLO)
ASKOY = Point(60.4070, 5.2260)


def search(backend, text="", language="nb", **options):
    filters = options.pop("filters", None) or SearchFilters()
    query = SearchQuery(text=text, language=language, filters=filters, **options)
    return backend.search(query)


def ids(results):
    return [hit.id for hit in results.hits]


def titles(results):
    return [hit.title for hit in results.hits]


def facet(results, name):
    return dict(results.facets[name])


# --- What is in the index -----------------------------------------------------


def test_only_listed_services_and_live_guidance_pages_are_indexed(search_backend):
    results = search(search_backend, per_page=50)

    assert dataset.CLOSED not in ids(results)
    assert {hit.type for hit in results.hits} == {"service", "page"}
    assert results.count == 8  # seven active services and one guidance page


def test_each_service_is_one_result_in_the_readers_language(search_backend):
    norwegian = search(search_backend, per_page=50)
    english = search(search_backend, language="en", per_page=50)

    assert english.count == norwegian.count
    shelter = next(hit for hit in english.hits if hit.id == dataset.SHELTER)
    assert shelter.title == "Bergen crisis shelter"
    assert shelter.document.language == "en"


def test_confidential_address_is_in_no_document_and_no_result(search_backend, client):
    document = search_backend.get_document(f"service:{dataset.SHELTER}:nb")
    stored = json.dumps(document.as_dict(), ensure_ascii=False)

    assert dataset.SECRET_STREET not in stored
    assert "5003" not in stored
    assert str(dataset.SECRET_LAT) not in stored
    assert str(dataset.SECRET_LON) not in stored
    assert document.latitude == pytest.approx(60.39)
    assert search(search_backend, "Hemmeligveien").count == 0
    api = client.get("/api/search/", {"q": "krisesenter"}).content.decode()
    assert dataset.SECRET_STREET not in api
    assert str(dataset.SECRET_LAT) not in api


def test_confidential_address_is_not_in_the_backends_own_storage(search_backend):
    if search_backend.name != "database":
        # Other backends: everything they store, read back document by document.
        stored = " ".join(
            str(search_backend.get_document(doc_id).as_dict())
            for doc_id in search_backend.document_ids()
        )
        assert "hemmeligveien" not in stored.casefold()
        assert "60.391234" not in stored
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT title_tokens, text_tokens, term_tokens, document "
            "FROM portal_search_indexentry"
        )
        everything = " ".join(str(value) for row in cursor.fetchall() for value in row)
    assert "hemmeligveien" not in everything.casefold()
    assert "60.391234" not in everything


# --- Language analysis ------------------------------------------------------------


def test_stemming_finds_krisesenter_for_krisesenteret(search_backend):
    results = search(search_backend, "krisesenteret")

    assert set(ids(results)[:2]) == {dataset.SHELTER, dataset.MEN_SHELTER}


def test_compound_words_are_split_into_known_parts(search_backend):
    # The children's service says "barn som er utsatt for vold", never
    # "voldsutsatte".
    results = search(search_backend, "voldsutsatte barn")

    assert dataset.CHILDREN in ids(results)[:3]


def test_a_typo_is_corrected_against_the_indexed_words(search_backend):
    results = search(search_backend, "krisesnter")

    assert results.searched.corrections == {"krisesnter": "krisesenter"}
    assert results.hits[0].id in {dataset.SHELTER, dataset.MEN_SHELTER}


def test_norwegian_letters_may_be_typed_without_diacritics(search_backend):
    results = search(search_backend, "rad fra advokat pa askoy")

    assert results.hits[0].id == dataset.LEGAL


def test_a_synonym_phrase_expands_to_its_term(search_backend):
    results = search(search_backend, "trygt sted å bo")

    assert "crisis-shelter" in results.searched.expanded_terms
    assert results.hits[0].id in {dataset.SHELTER, dataset.MEN_SHELTER}


@pytest.mark.parametrize(
    ("language", "text", "code"),
    [
        ("en", "safe house", "crisis-shelter"),
        ("pl", "schronienie", "crisis-shelter"),
        ("pl", "przemoc domowa", "domestic-violence"),
        ("ar", "العنف الأسري", "domestic-violence"),
        ("en", "legal aid", "legal-aid"),
    ],
)
def test_a_query_in_another_language_finds_norwegian_only_services(
    search_backend, language, text, code
):
    results = search(search_backend, text, language=language)

    assert code in results.searched.expanded_terms
    top = results.hits[0].document
    assert code in top.categories
    assert top.language in {language, "nb"}


# --- Situations: who does what ---------------------------------------------------


def test_he_hits_me_puts_crisis_help_for_victims_first(search_backend):
    results = search(search_backend, "han slår meg")

    assert [s.phrase for s in results.situations] == ["han slår meg"]
    first = results.hits[0].document
    assert {"crisis-shelter", "police"} & set(first.categories)
    assert "for-victims" in first.audiences
    assert dataset.PERPETRATOR not in ids(results)[:3]


def test_i_hit_my_partner_puts_help_to_stop_first(search_backend):
    results = search(search_backend, "jeg slår partneren min")

    assert results.hits[0].id == dataset.PERPETRATOR
    assert results.situations[0].audiences == ["for-perpetrators"]


def test_my_husband_is_a_partner_not_the_audience_men(search_backend):
    results = search(search_backend, "mannen min")

    assert "for-men" not in results.searched.expanded_terms
    assert results.hits[0].id != dataset.MEN_SHELTER
    assert "domestic-violence" in results.hits[0].document.categories


def test_my_husband_hits_me_in_english_finds_the_victim_set(search_backend):
    results = search(search_backend, "my husband hits me", language="en")

    first = results.hits[0].document
    assert {"crisis-shelter", "police"} & set(first.categories)
    assert "for-victims" in first.audiences


def test_a_situation_in_polish_finds_crisis_help(search_backend):
    results = search(search_backend, "mąż mnie bije", language="pl")

    assert results.situations
    assert "for-victims" in results.hits[0].document.audiences


# --- Filters and facets -------------------------------------------------------------


def test_filters_narrow_and_facets_count_the_filtered_set(search_backend):
    results = search(search_backend, filters=SearchFilters(free=True))

    assert set(ids(results)) == {dataset.SHELTER, dataset.LEGAL, dataset.HELPLINE}
    assert facet(results, "anonymous")["true"] == 2
    assert facet(results, "category")["crisis-shelter"] == 1
    assert facet(results, "free") == {"true": 3}


def test_category_and_audience_filters_match_any_of_their_codes(search_backend):
    results = search(
        search_backend,
        filters=SearchFilters(categories=["crisis-shelter", "police"]),
    )
    assert set(ids(results)) == {dataset.SHELTER, dataset.MEN_SHELTER, dataset.POLICE}

    results = search(search_backend, filters=SearchFilters(audiences=["for-men"]))
    assert set(ids(results)) == {dataset.MEN_SHELTER, dataset.PERPETRATOR}


def test_language_filter_and_facet(search_backend):
    results = search(search_backend, filters=SearchFilters(languages_offered=["pl"]))

    assert ids(results) == [dataset.LEGAL]
    assert facet(results, "language") == {"nb": 1, "pl": 1, "ar": 1}


def test_municipality_filter_includes_county_and_national_services(search_backend):
    results = search(search_backend, filters=SearchFilters(municipality="Askøy"))

    assert set(ids(results)) == {
        dataset.LEGAL,  # Askøy
        dataset.MEN_SHELTER,  # Vestland
        dataset.POLICE,  # Hele landet
        dataset.HELPLINE,  # Hele landet
    }


def test_municipality_facet_counts_services_that_cover_it(search_backend):
    results = search(search_backend, filters=SearchFilters(type="service"))

    municipalities = facet(results, "municipality")
    # Bergen: three Bergen services, plus three that cover the county or country.
    assert municipalities["Bergen"] == 6
    assert municipalities["Askøy"] == 4
    assert "Vestland" not in municipalities and "Hele landet" not in municipalities


def test_open_now_filter_and_facet_use_the_opening_hours(search_backend):
    everything = search(search_backend, at=TUESDAY_MORNING)
    open_now = search(
        search_backend, at=TUESDAY_MORNING, filters=SearchFilters(open_now=True)
    )

    assert facet(everything, "open_now") == {"true": 5, "false": 2}
    assert set(ids(open_now)) == {
        dataset.SHELTER,
        dataset.MEN_SHELTER,
        dataset.PERPETRATOR,
        dataset.POLICE,
        dataset.CHILDREN,
    }
    late = search(
        search_backend,
        at=TUESDAY_MORNING.replace(hour=20),
        filters=SearchFilters(open_now=True),
    )
    assert dataset.HELPLINE in ids(late) and dataset.POLICE not in ids(late)


def test_round_the_clock_filter(search_backend):
    results = search(search_backend, filters=SearchFilters(round_the_clock=True))

    assert set(ids(results)) == {dataset.SHELTER, dataset.MEN_SHELTER}


# --- Sorting and paging ------------------------------------------------------------


def test_sort_by_distance_puts_the_nearest_first_and_unplaced_last(search_backend):
    results = search(search_backend, point=ASKOY, sort="distance", per_page=50)

    assert results.hits[0].id == dataset.LEGAL
    assert results.hits[0].distance_km < 1
    distances = [h.distance_km for h in results.hits if h.distance_km is not None]
    assert distances == sorted(distances)
    assert results.hits[-1].distance_km is None


def test_sort_by_name(search_backend):
    results = search(search_backend, sort="name", per_page=50)

    names = titles(results)
    assert names == sorted(names, key=str.casefold)


def test_pages_of_results_do_not_overlap(search_backend):
    first = search(search_backend, sort="name", per_page=3)
    second = search(search_backend, sort="name", per_page=3, page=2)

    assert first.count == second.count == 8
    assert not set(ids(first)) & set(ids(second))


def test_odd_query_text_never_fails(search_backend):
    for text in ['"', "*", "NEAR(", "OR", "AND NOT", "a:b", "(((", "'; DROP", "\x00"]:
        results = search(search_backend, text)
        assert results.count >= 0


# --- Suggestions and promotions ----------------------------------------------


def test_suggestions_complete_titles_and_term_names(search_backend):
    suggestions = search_backend.suggest("krise", "nb")

    assert "Krisesenteret i Bergen" in suggestions
    assert "Krisesenter" in suggestions


def test_promoted_pages_come_first(search_backend, indexed_directory):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    guidance = indexed_directory["guidance"]
    query = Query.objects.create(query_string="krisesenter")
    SearchPromotion.objects.create(query=query, page=guidance, sort_order=0)

    results = run_search(SearchQuery(text="Krisesenter", language="nb"))

    assert results.hits[0].id == str(guidance.pk)
    assert results.hits[0].promoted
    assert results.hits[1].id in {dataset.SHELTER, dataset.MEN_SHELTER}


# --- The index follows the site -----------------------------------------------------


@pytest.fixture
def new_service(search_backend, django_capture_on_commit_callbacks):
    """Import a service through the HSDS importer (its publish indexes it)."""
    created = []

    def make(name, **fields):
        record = service_record(
            name,
            attributes=[
                {
                    "id": "8c1b6c2e-0000-4000-8000-000000000001",
                    "taxonomy_term_id": term_id("helpline"),
                }
            ],
            **fields,
        )
        with django_capture_on_commit_callbacks(execute=True):
            import_document({"contents": [record]})
        page = ServicePage.objects.get(hsds_id=record["id"])
        created.append(page.pk)
        return page

    yield make
    for page_id in created:
        search_backend.delete_page(page_id)


def test_publishing_indexes_at_once(search_backend, new_service):
    page = new_service("Sebrastripetelefonen")

    results = search(search_backend, "sebrastripetelefonen")

    assert ids(results) == [str(page.hsds_id)]


def test_unpublishing_removes_from_the_index(
    search_backend, new_service, django_capture_on_commit_callbacks
):
    page = new_service("Sebrastripetelefonen")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert search(search_backend, "sebrastripetelefonen").count == 0


def test_deleting_removes_from_the_index(
    search_backend, new_service, django_capture_on_commit_callbacks
):
    page = new_service("Sebrastripetelefonen")
    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=page.pk).delete()

    assert search(search_backend, "sebrastripetelefonen").count == 0


def test_a_service_made_inactive_leaves_the_index(
    search_backend, new_service, django_capture_on_commit_callbacks
):
    page = new_service("Sebrastripetelefonen")
    page.status = ServicePage.Status.INACTIVE
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert search(search_backend, "sebrastripetelefonen").count == 0


def test_a_new_translation_is_indexed_in_its_language(
    search_backend, new_service, django_capture_on_commit_callbacks
):
    page = new_service("Sebrastripetelefonen")
    with django_capture_on_commit_callbacks(execute=True):
        translation = page.copy_for_translation(
            Locale.objects.get(language_code="en"), copy_parents=True
        )
        for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
            if not ancestor.live:
                ancestor.save_revision().publish()
        translation = translation.specific
        translation.title = "Zebra stripe line"
        translation.save_revision().publish()

    assert f"service:{page.hsds_id}:en" in search_backend.document_ids()
    results = search(search_backend, "zebra", language="en")
    assert titles(results) == ["Zebra stripe line"]


def test_moving_a_service_updates_its_address(
    search_backend, new_service, django_capture_on_commit_callbacks
):
    page = new_service("Sebrastripetelefonen")
    other = OrganisationPage.objects.exclude(pk=page.get_parent().pk).first()
    with django_capture_on_commit_callbacks(execute=True):
        page.move(other, pos="last-child")

    (hit,) = search(search_backend, "sebrastripetelefonen").hits
    assert hit.url == Page.objects.get(pk=page.pk).specific.get_url()


# --- The public API -----------------------------------------------------------


def test_api_answers_with_results_and_facets(search_backend, client):
    response = client.get("/api/search/", {"q": "krisesenter", "lang": "nb"})

    assert response.status_code == 200
    data = response.json()
    assert data["count"] >= 2
    first = data["results"][0]
    assert {"id", "type", "title", "url", "snippet", "score"} <= set(first)
    assert first["type"] == "service" and first["id"] in {
        dataset.SHELTER,
        dataset.MEN_SHELTER,
    }
    assert {"category", "audience", "municipality", "open_now"} <= set(data["facets"])
    assert response.cookies == {} or not response.cookies


@pytest.mark.parametrize(
    "params",
    [
        {"lang": "xx"},
        {"category": "no-such-category"},
        {"audience": "DROP TABLE"},
        {"municipality": "Oslo"},
        {"language": "klingon"},
        {"free": "maybe"},
        {"lat": "60.4"},
        {"lat": "north", "lon": "5"},
        {"lat": "1e400", "lon": "5"},
        {"lat": "nan", "lon": "5"},
        {"sort": "distance"},
        {"sort": "random"},
        {"page": "0"},
        {"page": "-1"},
        {"per_page": "1000"},
        {"page": "١"},
        {"q": "x" * 501},
        {"type": "organisation"},
    ],
)
def test_api_rejects_invalid_parameters_with_a_clear_400(
    search_backend, client, params
):
    response = client.get("/api/search/", params)

    assert response.status_code == 400
    body = response.json()
    assert body["error"] and body["errors"]
    assert set(body["errors"]) <= set(params) | {"sort", "lat", "lon"}


@pytest.mark.parametrize(
    "text",
    [
        '"',
        '"unterminated',
        "*",
        "krise*",
        "NEAR(vold barn)",
        "vold OR barn",
        "vold AND NOT barn",
        "title_tokens:vold",
        "{title_tokens}: x",
        "' OR 1=1 --",
        "\x00\x01\x02",
        "\u202e\u200f\ufeff",
        "🙂" * 200,
        "Ω" * 500,
        "a " * 250,
    ],
)
def test_api_never_fails_on_hostile_text(search_backend, client, text):
    response = client.get("/api/search/", {"q": text})

    assert response.status_code == 200
    assert not response.cookies


@pytest.mark.parametrize("raw", ["%ED%A0%80", "%FF%FE", "%00", "%C0%AF", "%"])
def test_api_never_fails_on_invalid_encodings(search_backend, client, raw):
    response = client.get(f"/api/search/?q={raw}&lang=nb")

    assert response.status_code in {200, 400}


def test_suggest_api(search_backend, client):
    response = client.get("/api/search/suggest/", {"q": "krise", "lang": "nb"})

    assert response.status_code == 200
    assert "Krisesenteret i Bergen" in response.json()["suggestions"]
    assert client.get("/api/search/suggest/", {"lang": "xx"}).status_code == 400
    assert not response.cookies


def test_api_sets_no_cookie_and_forbids_caching(search_backend, client):
    for url in ("/api/search/?q=vold", "/api/search/suggest/?q=vo"):
        response = client.get(url)
        assert not response.cookies
        assert "no-store" in response["Cache-Control"]
