"""A visitor leaves no trace in their own browser: no cookie on any public response.

Someone who checks the visitor's browser later must not find that they were here.
Sessions and CSRF cookies exist only for editors in the admin.
"""

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = ["/nb/", "/en/", "/ar/", "/", "/nb/finnes-ikke/", "/finnes-ikke/"]


def assert_no_cookie_set(response):
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_anonymous_visitor_gets_no_cookie(client, home_page, path):
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="nb")

    assert response.status_code in {200, 302, 404}
    assert_no_cookie_set(response)


def test_language_redirect_at_the_root_sets_no_language_cookie(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="uk,en;q=0.5")

    assert response["Location"] == "/uk/"
    assert_no_cookie_set(response)


def test_vary_cookie_is_only_a_caching_hint_and_no_cookie_follows(client, home_page):
    # Editors see Wagtail's user bar on public pages, so a page may say "Vary: Cookie"
    # to shared caches. That header sets nothing in the visitor's browser.
    response = client.get("/nb/")

    assert_no_cookie_set(response)
    if "Vary" in response:
        assert "Set-Cookie" not in response["Vary"]


def test_a_left_over_session_cookie_is_only_ever_removed(client, home_page):
    # E.g. an editor signed out on a shared computer: the old cookie is deleted,
    # never renewed or replaced.
    client.cookies["sessionid"] = "no-such-session"

    response = client.get("/nb/")

    for cookie in response.cookies.values():
        assert cookie.value == ""
        assert cookie["max-age"] == 0


def test_the_admin_sign_in_page_is_where_cookies_begin(client):
    response = client.get("/admin/login/")

    assert "csrftoken" in response.cookies
