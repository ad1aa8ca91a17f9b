"""The public search page: works without JavaScript, never a dead end."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(portal_site):
    from tests.directory import factories

    factories.make_taxonomy()
    factories.import_services(
        factories.service_record("Krisesenteret i Testby"),
        factories.service_record(
            "Politiet i Testby",
            attributes=[
                {
                    "id": "3f1d6f7e-0000-4000-8000-0000000000a1",
                    "taxonomy_term_id": factories.term_id("police"),
                }
            ],
        ),
    )


def test_search_page_finds_a_service_and_shows_tap_to_call(client, directory):
    response = client.get("/nb/sok/", {"q": "krisesenteret"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Krisesenteret i Testby" in html
    assert 'href="tel:+4700' in html
    assert not response.cookies


def test_filters_show_counts(client, directory):
    html = client.get("/nb/sok/").content.decode()

    assert 'name="category" value="crisis-shelter"' in html
    assert '<span class="count">(1)</span>' in html


def test_a_search_with_no_hits_shows_emergency_numbers_and_categories(
    client, directory
):
    html = client.get("/nb/sok/", {"q": "xyzzyqwerty"}).content.decode()

    assert 'class="no-results"' in html
    assert "xyzzyqwerty" in html
    assert 'href="tel:112"' in html and 'href="tel:116123"' in html
    assert "?category=police" in html


def test_invalid_filters_give_a_400_with_a_message_not_a_500(client, directory):
    response = client.get("/nb/sok/", {"sort": "sideways", "page": "-1"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "relevance, distance, name" in html  # the sort orders it can take
    assert "page må være et helt tall fra 1 til 500." in html


def test_home_page_has_search_box_entry_points_and_categories(client, home_page):
    from tests.directory import factories

    factories.make_taxonomy()

    html = client.get("/nb/").content.decode()

    assert 'action="/nb/sok/"' in html
    assert html.count('class="entry"') == 3
    assert "/nb/sok/?category=crisis-shelter" in html
