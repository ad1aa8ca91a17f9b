"""Hostile and random input never breaks the portal: every public address and form
answers 200 (or a redirect / not found where that is the meaning) or a 400 with a plain
message, never a 500, and nothing a visitor sends comes back as live markup."""

import json
import os
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlencode

import pytest
from django.core.cache import caches
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Modest by default so the suite stays fast; raise it for a deeper run, e.g.
# HYPOTHESIS_MAX_EXAMPLES=500.
settings.register_profile(
    "hostile-input",
    max_examples=int(os.environ.get("HYPOTHESIS_MAX_EXAMPLES", "25")),
    deadline=None,
    database=None,  # nothing written into the working tree
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
HOSTILE = settings.get_profile("hostile-input")

MARKER = "<script>alert('hostile')</script>"
FRAGMENTS = [
    MARKER,
    '"><script>alert(1)</script>',
    "'><img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    "' OR '1'='1",
    "'; DROP TABLE wagtailcore_page; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "%' AND 1=1 --",
    "{{ settings.SECRET_KEY }}",
    "{% debug %}",
    "${jndi:ldap://example.org/a}",
    "../../../../etc/passwd",
    "\x00",
    "a\x00b",
    "%00",
    "\u202eevil\u202c",  # right-to-left override
    "\u200fمرحبا\u200f",  # right-to-left marks around Arabic
    "\u061c\u2067فارسی\u2069",
    "\ufeff",
    "\u0301\u0301\u0301",  # lone combining accents
    "👩‍👩‍👧‍👦",
    "Z̸̢̛a̷l̶g̵o̴",
    "\r\nSet-Cookie: x=1",
    "\t \n",
    "",
    " ",
    "-1",
    "0",
    "1e309",
    "NaN",
    "inf",
    "-0",
    "²",
    "٣",
    "１２",
    "9" * 40,
    "true",
    "null",
    "[]",
    "{}",
    "ø" * 600,
    "a" * 5000,
    "<" * 300,
]
hostile_text = st.one_of(
    st.sampled_from(FRAGMENTS),
    st.text(max_size=40),
    st.lists(st.sampled_from(FRAGMENTS), min_size=2, max_size=4).map("".join),
    st.tuples(st.text(max_size=10), st.sampled_from(FRAGMENTS)).map("".join),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
LANGUAGE_CODES = st.one_of(
    st.sampled_from(
        ["nb", "nn", "en", "ar", "fa", "ur", "se", "xx", "NB", "nb-NO", "en_GB", "zz"]
    ),
    hostile_text,
)


def params_for(names):
    """A query as (name, value) pairs: known names, unknown ones, repeats."""
    name = st.one_of(st.sampled_from(names), hostile_text)
    return st.lists(st.tuples(name, hostile_text), max_size=6)


def with_query(path, pairs):
    return f"{path}?{urlencode(pairs)}" if pairs else path


# A raw query string, not percent-encoded properly: broken escapes, bare & and =.
raw_queries = st.lists(
    st.sampled_from(list("abqz=&%;+0123456789FZ.,<>'\"") + ["%00", "%FF", "%ZZ"]),
    max_size=30,
).map("".join)

SCRIPT_WITHOUT_OWN_SOURCE = re.compile(r"<script(?![^>]*\bsrc=\"/static/)", re.I)
EVENT_HANDLER = re.compile(r"<[a-z][^>]*\son[a-z]+\s*=", re.I)


class LiveMarkup(HTMLParser):
    """The elements and attributes a browser would build from an HTML page: escaped
    text inside an attribute value ("&lt;img onerror=...") is text, not markup."""

    def __init__(self, body):
        super().__init__(convert_charrefs=True)
        self.scripts_without_own_source = 0
        self.event_handlers = []
        self.feed(body)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "script" and not any(
            name == "src" and (value or "").startswith("/static/")
            for name, value in attrs
        ):
            self.scripts_without_own_source += 1
        self.event_handlers += [name for name, _value in attrs if name.startswith("on")]

    handle_startendtag = handle_starttag


def assert_no_live_markup(response, body):
    if response.get("Content-Type", "").startswith("text/html"):
        markup = LiveMarkup(body)
        assert not markup.scripts_without_own_source, "reflected <script"
        assert not markup.event_handlers, "reflected event handler"
    else:
        # JSON, CSV, text: no markup at all may come back raw.
        assert not SCRIPT_WITHOUT_OWN_SOURCE.search(body), "reflected <script"
        assert not EVENT_HANDLER.search(body), "reflected event handler"


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def answered_safely(response, allowed=(200, 400)):
    """The answer is one the address means, a 400 says what was wrong, and no
    markup a visitor sent is live in it (JSON included)."""
    status = response.status_code
    assert status in allowed, status
    assert status != 500
    body = body_of(response)
    assert MARKER not in body
    assert_no_live_markup(response, body)
    assert not response.cookies
    if status == 400:
        if response["Content-Type"].startswith("application/json"):
            data = json.loads(body)
            assert data["error"] and data.get("errors") is not None
        else:
            assert 'role="alert"' in body or "refused" in body
    return body


@pytest.fixture
def public_site(home_page):
    """A service, its organisation and a guidance page for professionals with the
    municipality picker: enough for every public parameter to reach real code."""
    from directory.models import ServicePage, TaxonomyTerm
    from portal.models import GuidancePage
    from tests.directory import factories

    factories.make_taxonomy()
    record = factories.service_record("Krisesenteret i Testby")
    factories.import_services(record)
    service = ServicePage.objects.get(hsds_id=record["id"])
    guidance = GuidancePage(
        title="Når du er bekymret for et barn",
        slug="bekymret",
        summary="Hva du gjør nå.",
        body=[{"type": "paragraph", "value": "<p>Ring barnevernet.</p>"}],
        for_professionals=True,
        locale=home_page.locale,
    )
    home_page.add_child(instance=guidance)
    guidance.related_categories.set(
        TaxonomyTerm.objects.filter(taxonomy="category", locale=home_page.locale)
    )
    guidance.save_revision().publish()
    return {"service": service, "guidance": guidance.url}


def fresh_limits():
    """Rate limits count per hour; every generated example starts afresh."""
    for cache in caches.all():
        cache.clear()


SEARCH_PARAMETERS = [
    "q",
    "lang",
    "type",
    "category",
    "audience",
    "municipality",
    "language",
    "free",
    "anonymous",
    "open_now",
    "round_the_clock",
    "lat",
    "lon",
    "sort",
    "page",
    "per_page",
]


@HOSTILE
@given(pairs=params_for(SEARCH_PARAMETERS))
@example(pairs=[("q", MARKER)])  # the query text comes back in "searched"
@example(pairs=[("page", "²"), ("per_page", "٣"), ("lat", "1e309"), ("lon", "NaN")])
def test_search_api_answers_hostile_parameters(client, public_site, pairs):
    answered_safely(client.get(with_query("/api/search/", pairs)))


@HOSTILE
@given(text=hostile_text, lang=LANGUAGE_CODES, extra=params_for(["q", "lang"]))
def test_suggestions_answer_hostile_text(client, public_site, text, lang, extra):
    pairs = [("q", text), ("lang", lang), *extra]
    answered_safely(client.get(with_query("/api/search/suggest/", pairs)))


@HOSTILE
@given(
    pairs=params_for(SEARCH_PARAMETERS), language=st.sampled_from(["nb", "en", "ar"])
)
def test_search_page_answers_hostile_filters(client, public_site, pairs, language):
    answered_safely(client.get(with_query(f"/{language}/sok/", pairs)))


@HOSTILE
@given(raw=raw_queries)
def test_broken_query_strings_are_answered(client, public_site, raw):
    for path in ("/api/search/", "/nb/sok/", "/api/hsds/services"):
        answered_safely(client.get(f"{path}?{raw}"))


@HOSTILE
@given(kommune=st.lists(hostile_text, min_size=1, max_size=3))
def test_municipality_picker_answers_hostile_names(client, public_site, kommune):
    url = with_query(public_site["guidance"], [("kommune", k) for k in kommune])
    body = answered_safely(client.get(url))
    assert 'name="kommune"' in body


HSDS_PARAMETERS = [
    "page",
    "per_page",
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "parent_id",
    "top_only",
    "modified_after",
    "full",
    "full_service",
    "lang",
    "delimiter",
]
HSDS_LISTS = [
    "/api/hsds/",
    "/api/hsds/services",
    "/api/hsds/services.csv",
    "/api/hsds/organizations",
    "/api/hsds/taxonomies",
    "/api/hsds/taxonomy_terms",
]


@HOSTILE
@given(path=st.sampled_from(HSDS_LISTS), pairs=params_for(HSDS_PARAMETERS))
# Found by this test: '²'.isdigit() is true, but int('²') fails (was a 500).
@example(path="/api/hsds/services", pairs=[("page", "²")])
@example(path="/api/hsds/organizations", pairs=[("per_page", "٣")])
@example(path="/api/hsds/services", pairs=[("search", MARKER)])
def test_open_data_api_answers_hostile_parameters(client, public_site, path, pairs):
    answered_safely(client.get(with_query(path, pairs)))


@HOSTILE
@given(
    kind=st.sampled_from(["services", "organizations", "taxonomies", "taxonomy_terms"]),
    identifier=hostile_text,
    lang=LANGUAGE_CODES,
)
def test_open_data_items_answer_hostile_ids(
    client, public_site, kind, identifier, lang
):
    path = f"/api/hsds/{kind}/{quote(identifier, safe='')}"
    answered_safely(client.get(with_query(path, [("lang", lang)])), (200, 400, 404))


@HOSTILE
@given(
    language=LANGUAGE_CODES,
    rest=st.sampled_from(["", "sok/", "meld-feil/1/", "finnes-ikke/"]),
    pairs=params_for(["q", "kommune", "page"]),
)
def test_unknown_language_prefixes_are_not_found_not_errors(
    client, public_site, language, rest, pairs
):
    path = f"/{quote(language, safe='')}/{rest}"
    response = client.get(with_query(path, pairs))
    answered_safely(response, (200, 301, 302, 400, 404))


@HOSTILE
@given(
    problem=hostile_text,
    message=hostile_text,
    extra=params_for(["problem", "message", "csrfmiddlewaretoken"]),
    origin=st.one_of(st.none(), st.just("http://testserver"), hostile_text),
)
def test_error_report_form_answers_hostile_posts(
    client, public_site, problem, message, extra, origin
):
    fresh_limits()
    url = f"/nb/meld-feil/{public_site['service'].pk}/"
    headers = {} if origin is None else {"origin": origin}
    response = client.post(
        url,
        urlencode([("problem", problem), ("message", message), *extra]),
        content_type="application/x-www-form-urlencoded",
        headers=headers,
    )
    answered_safely(response, (200, 302, 400))


@HOSTILE
@given(service_id=hostile_text, pairs=params_for(["problem", "message"]))
def test_error_report_addresses_answer_hostile_ids(
    client, public_site, service_id, pairs
):
    path = f"/nb/meld-feil/{quote(service_id, safe='')}/"
    answered_safely(client.get(with_query(path, pairs)), (200, 404))


@pytest.mark.parametrize("number", ["9" * 19, "9" * 40, "18446744073709551616"])
def test_error_report_addresses_with_numbers_too_big_for_a_page_id_are_not_found(
    client, public_site, number
):
    # Once a 500: SQLite cannot take an integer beyond 64 bits.
    assert client.get(f"/nb/meld-feil/{number}/").status_code == 404
    assert client.get(f"/nb/meld-feil/{number}/takk/").status_code == 404


@HOSTILE
@given(
    municipality=st.one_of(st.sampled_from(["Bergen", "bergen", "Kvam"]), hostile_text),
    suffix=st.sampled_from(["/", ".pdf"]),
    pairs=params_for(["kommune", "q"]),
)
def test_call_sheets_answer_hostile_municipalities(
    client, public_site, municipality, suffix, pairs
):
    path = f"/nb/ringeliste/{quote(municipality, safe='')}{suffix}"
    # 301: an empty name is "/nb/ringeliste/.pdf", which gains a slash.
    answered_safely(client.get(with_query(path, pairs)), (200, 301, 404))


@HOSTILE
@given(next_url=hostile_text, pairs=params_for(["next", "username"]))
def test_admin_sign_in_answers_hostile_next_addresses(
    client, public_site, next_url, pairs
):
    response = client.get(with_query("/admin/login/", [("next", next_url), *pairs]))
    assert response.status_code == 200
    assert MARKER not in response.content.decode()


def test_the_live_markup_check_sees_markup_but_not_escaped_text():
    escaped = '<a href="/nb/&lt;img src=x onerror=alert(1)&gt;/">x</a>'
    live = '<a href="/nb/"><img src=x onerror=alert(1)></a><script>alert(1)</script>'

    assert not LiveMarkup(escaped).event_handlers
    assert LiveMarkup(live).event_handlers == ["onerror"]
    assert LiveMarkup(live).scripts_without_own_source == 1
    assert not LiveMarkup('<script src="/static/js/a.js"></script>').event_handlers
