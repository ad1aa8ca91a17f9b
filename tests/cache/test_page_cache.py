"""Whole public pages are cached for anonymous visitors and purged when what they show
changes; every test runs on the default file cache and on a real Redis server.

A visit served from the cache runs no database query at all, which is how these tests
tell a cached page from a rendered one; a change written with an SQL UPDATE (no signal)
shows whether an old copy is still being served."""

import gzip

import pytest
from django.template import engines
from django.test import RequestFactory
from django.urls import resolve
from django.utils import translation

from directory.models import ServicePage
from portal.models import GuidancePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

SECURITY_HEADERS = (
    "Content-Security-Policy",
    "Permissions-Policy",
    "X-Frame-Options",
    "Referrer-Policy",
    "X-Content-Type-Options",
    "Cross-Origin-Opener-Policy",
    "Cross-Origin-Resource-Policy",
)


def visit(client, url, queries, **headers):
    """GET url; `queries` is the number of database queries it ran."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    queries.append(len(captured))
    return response


def rename_without_signal(page, title):
    """Change what a page shows the way no signal sees (an SQL UPDATE)."""
    type(page).objects.filter(pk=page.pk).update(title=title)


def test_second_visit_is_served_from_the_cache(client, home_page, fresh_minute):
    queries = []
    first = visit(client, "/nb/", queries)
    rename_without_signal(home_page, "Ny tittel som ikke er publisert")
    second = visit(client, "/nb/", queries)

    assert first.status_code == second.status_code == 200
    assert queries[0] > 0 and queries[1] == 0
    assert second.content == first.content
    assert "Ny tittel" not in second.content.decode()


def test_cached_page_keeps_security_headers_and_sets_no_cookie(
    client, home_page, fresh_minute
):
    queries = []
    first = visit(client, "/nb/", queries)
    second = visit(client, "/nb/", queries)

    assert queries[1] == 0
    for header in SECURITY_HEADERS:
        assert second.headers.get(header), header
        assert second.headers[header] == first.headers[header]
    assert "unsafe-inline" not in second.headers["Content-Security-Policy"]
    assert not second.cookies and "Set-Cookie" not in second.headers
    assert second.headers["Content-Language"] == "nb"
    assert "Accept-Encoding" in second.headers["Vary"]


def test_html_is_gzipped_on_the_wire_when_the_visitor_accepts_it(
    client, home_page, fresh_minute
):
    queries = []
    zipped = [visit(client, "/nb/", queries, accept_encoding="gzip, br")]
    zipped.append(visit(client, "/nb/", queries, accept_encoding="gzip, br"))
    plain = visit(client, "/nb/", queries)

    assert queries[1] == 0  # the gzipped copy is cached as it is
    for response in zipped:
        assert response.headers["Content-Encoding"] == "gzip"
        html = gzip.decompress(response.content).decode()
        assert "112" in html and "quick-exit" in html
    assert "Content-Encoding" not in plain.headers
    assert plain.content.startswith(b"<!DOCTYPE html>")
    assert len(zipped[1].content) < len(plain.content) / 2


def gzip_speed_flag(body):
    """The gzip header's XFL byte (RFC 1952): 0 for Django's level 6, 4 for zlib's
    fastest level."""
    assert body[:2] == b"\x1f\x8b"
    return body[8]


def test_a_page_is_compressed_well_once_and_search_results_fast_each_time(
    client, site_with_service, fresh_minute
):
    guidance, _service = site_with_service
    page = client.get(guidance.url, headers={"accept-encoding": "gzip"})
    results = client.get("/nb/sok/?q=krisesenter", headers={"accept-encoding": "gzip"})
    plain_results = client.get("/nb/sok/?q=krisesenter")

    # The page goes into the cache and is served from it: compressed at level 6.
    assert gzip_speed_flag(page.content) == 0
    # Results are compressed for this one answer: zlib's fastest level, with the
    # same BREACH padding (a file name of random length) and headers as Django's.
    assert results.headers["Content-Encoding"] == "gzip"
    assert gzip_speed_flag(results.content) == 4
    assert results.content[3] & 0x08  # FNAME: the random-length padding
    assert "Accept-Encoding" in results.headers["Vary"]
    assert int(results.headers["Content-Length"]) == len(results.content)
    html = gzip.decompress(results.content)
    assert html == plain_results.content
    assert "Krisesenteret i Testby" in html.decode()


def test_publishing_a_page_purges_it(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    guidance, _service = site_with_service
    queries = []
    visit(client, guidance.url, queries)
    guidance.title = "Hvor kan jeg bo trygt i natt?"
    with django_capture_on_commit_callbacks(execute=True):
        guidance.save_revision().publish()
    after = visit(client, guidance.url, queries)

    assert queries[1] > 0
    assert "Hvor kan jeg bo trygt i natt?" in after.content.decode()


def test_unpublishing_a_page_purges_it_and_the_page_that_lists_it(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    _guidance, service = site_with_service
    organisation = service.get_parent().specific
    directory = organisation.get_parent()
    queries = []
    assert visit(client, organisation.url, queries).status_code == 200
    assert organisation.title in visit(client, directory.url, queries).text

    with django_capture_on_commit_callbacks(execute=True):
        organisation.unpublish()

    assert visit(client, organisation.url, queries).status_code == 404
    assert organisation.title not in visit(client, directory.url, queries).text


def test_publishing_or_unpublishing_a_shown_service_purges_the_page(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    guidance, service = site_with_service
    queries = []
    assert "Krisesenteret i Testby" in visit(client, guidance.url, queries).text

    service.title = "Krisesenteret i Nyby"
    with django_capture_on_commit_callbacks(execute=True):
        service.save_revision().publish()
    renamed = visit(client, guidance.url, queries).text

    with django_capture_on_commit_callbacks(execute=True):
        ServicePage.objects.get(pk=service.pk).unpublish()
    gone = visit(client, guidance.url, queries).text

    assert "Krisesenteret i Nyby" in renamed and "Testby" not in renamed
    assert "Krisesenteret i Nyby" not in gone


def test_the_directory_lists_of_a_service_are_purged_when_it_is_published(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    _guidance, service = site_with_service
    organisation = service.get_parent().specific
    directory = organisation.get_parent()
    queries = []
    visit(client, organisation.url, queries)
    visit(client, directory.url, queries)

    organisation.title = "Testorganisasjonen, nytt navn"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save_revision().publish()

    assert "nytt navn" in visit(client, organisation.url, queries).text
    assert "nytt navn" in visit(client, directory.url, queries).text


def test_publishing_a_translation_purges_the_page_and_its_translation(
    client, site_with_service, english, django_capture_on_commit_callbacks, fresh_minute
):
    from wagtail_localize.models import Translation, TranslationSource

    guidance, _service = site_with_service
    queries = []
    before = visit(client, guidance.url, queries).text

    source, _ = TranslationSource.get_or_create_from_instance(guidance)
    translation = Translation.objects.create(source=source, target_locale=english)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    translated = guidance.get_translation(english)
    after = visit(client, guidance.url, queries).text
    visit(client, translated.url, queries)

    # Publishing the English page changes the Norwegian one's language links.
    assert f'hreflang="en" href="http://testserver{translated.url}"' not in before
    assert f'hreflang="en" href="http://testserver{translated.url}"' in after

    translated.title = "Where can I stay safe?"
    with django_capture_on_commit_callbacks(execute=True):
        translated.save_revision().publish()
    assert "Where can I stay safe?" in visit(client, translated.url, queries).text

    with django_capture_on_commit_callbacks(execute=True):
        GuidancePage.objects.get(pk=translated.pk).unpublish()
    # The English address now shows the Norwegian page, with its notice.
    assert "Where can I stay safe?" not in visit(client, translated.url, queries).text
    norwegian = visit(client, guidance.url, queries).text
    assert f'hreflang="en" href="http://testserver{translated.url}"' not in norwegian


def test_a_changed_category_name_purges_the_home_page(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    from directory.models import TaxonomyTerm

    queries = []
    assert "Krisesenter" in visit(client, "/nb/", queries).text
    term = TaxonomyTerm.objects.get(code="crisis-shelter", locale__language_code="nb")
    term.name = "Krisesentre og botilbud"
    with django_capture_on_commit_callbacks(execute=True):
        term.save()

    assert "Krisesentre og botilbud" in visit(client, "/nb/", queries).text


def test_search_page_is_cached_only_without_parameters(
    client, site_with_service, fresh_minute
):
    queries = []
    visit(client, "/nb/sok/", queries)
    visit(client, "/nb/sok/", queries)
    visit(client, "/nb/sok/?q=krisesenter", queries)
    searched = visit(client, "/nb/sok/?q=krisesenter", queries)

    assert queries[1] == 0
    assert queries[2] > 0 and queries[3] > 0
    assert "Krisesenteret i Testby" in searched.text
    assert "Set-Cookie" not in searched.headers


def test_guidance_page_for_a_municipality_is_not_cached(
    client, site_with_service, fresh_minute
):
    guidance, _service = site_with_service
    queries = []
    visit(client, f"{guidance.url}?kommune=Bergen", queries)
    rename_without_signal(guidance, "Nytt navn, ikke publisert")
    again = visit(client, f"{guidance.url}?kommune=Bergen", queries)

    assert queries[1] > 0 and "Nytt navn, ikke publisert" in again.text


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        "redaktor", "redaktor@example.org", "et-langt-passord-123"
    )


def test_editors_neither_get_nor_fill_cached_pages(
    client, home_page, editor, fresh_minute
):
    from django.test import Client

    anonymous = Client()
    queries = []
    visit(anonymous, "/nb/", queries)  # cached for visitors
    client.force_login(editor)
    as_editor = visit(client, "/nb/", queries)
    rename_without_signal(home_page, "Utkast som bare redaktøren ser")
    as_editor_again = visit(client, "/nb/", queries)
    visit(anonymous, "/nb/", queries)

    assert queries[1] > 0 and queries[2] > 0  # rendered for the editor every time
    assert "Utkast som bare" in as_editor_again.text
    assert "wagtail-userbar" in as_editor.text.lower()
    assert queries[3] == 0  # the visitors' copy is untouched by the editor's visits

    # A page an editor caused to be rendered is never stored for visitors.
    from django.core.cache import caches

    caches["pages"].clear()
    visit(client, "/nb/", queries)
    assert visit(anonymous, "/nb/", queries).status_code == 200
    assert queries[-1] > 0
    assert "wagtail-userbar" not in anonymous.get("/nb/").text.lower()


def test_any_cookie_bypasses_the_cache(client, home_page, fresh_minute):
    queries = []
    visit(client, "/nb/", queries)
    client.cookies["sessionid"] = "not-a-session"
    visit(client, "/nb/", queries)

    assert queries[1] > 0


def test_page_cache_off_renders_every_visit(client, home_page, settings, fresh_minute):
    settings.PAGE_CACHE = False
    queries = []
    visit(client, "/nb/", queries)
    visit(client, "/nb/", queries)

    assert queries[0] > 0 and queries[1] > 0


def test_pages_are_cached_per_language_and_host(client, home_page, fresh_minute):
    queries = []
    visit(client, "/nb/", queries)
    other_host = client.get("/nb/", headers={"host": "hjelp.example.org"})

    english = visit(client, "/en/", queries)

    assert "http://hjelp.example.org/" in other_host.text
    assert "http://testserver/" not in other_host.text
    assert queries[1] > 0 and '<html lang="en"' in english.text


def test_an_untranslated_service_page_under_another_language_is_cached(
    client, site_with_service, fresh_minute
):
    """/ar/ serves a service that has no Arabic translation in Norwegian, with the
    Arabic interface (portal/translations.py). That page is stored and served from
    the cache like any other, gzipped as browsers ask for it."""
    from portal.translations import swap_language_prefix

    _guidance, service = site_with_service
    url = swap_language_prefix(service.url, "ar")
    queries = []
    first = visit(client, url, queries, accept_encoding="gzip")
    rename_without_signal(service, "Nytt navn som ikke er publisert")
    second = visit(client, url, queries, accept_encoding="gzip")

    assert first.status_code == second.status_code == 200
    html = gzip.decompress(second.content).decode()
    assert '<html lang="ar" dir="rtl">' in html and "Krisesenteret i Testby" in html
    assert queries[0] > 0 and queries[1] == 0
    assert second.content == first.content


def test_a_page_that_uses_a_csp_nonce_is_not_cached(home_page, page_cache):
    """A nonce belongs to one response: a page that put one in its HTML is never
    served to anyone else."""
    from csp.middleware import CSPMiddleware

    from portal.page_cache import PageCacheMiddleware

    template = engines["django"].from_string(
        "<script nonce='{{ request.csp_nonce }}'></script>"
    )

    def view(request):
        from django.http import HttpResponse

        request.resolver_match = resolve("/nb/")
        return HttpResponse(template.render({"request": request}))

    handler = CSPMiddleware(PageCacheMiddleware(view))
    with translation.override("nb"):
        first = handler(RequestFactory().get("/nb/"))
        second = handler(RequestFactory().get("/nb/"))

    nonces = [r.content.decode().split("'")[1] for r in (first, second)]
    assert len(nonces[0]) >= 16 and nonces[0] != nonces[1]


def test_a_page_restricted_to_signed_in_users_leaves_the_cache_at_once(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    from wagtail.models import PageViewRestriction

    guidance, _service = site_with_service
    queries = []
    assert visit(client, guidance.url, queries).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(
            page=guidance, restriction_type=PageViewRestriction.LOGIN
        )

    assert visit(client, guidance.url, queries).status_code == 302


def test_a_new_quick_exit_address_reaches_cached_pages(
    client, home_page, portal_site, django_capture_on_commit_callbacks, fresh_minute
):
    from portal.models import SafetySettings

    queries = []
    visit(client, "/nb/", queries)
    safety = SafetySettings.for_site(portal_site)
    safety.quick_exit_url = "https://www.example.org/vaer/"
    with django_capture_on_commit_callbacks(execute=True):
        safety.save()

    assert "https://www.example.org/vaer/" in visit(client, "/nb/", queries).text


def test_an_import_purges_the_cached_pages_once_and_a_failed_import_not_at_all(
    client, site_with_service, django_capture_on_commit_callbacks, fresh_minute
):
    """An import publishes two pages per service in one transaction: one purge
    waits for its commit, not one per page (thousands of waiting callbacks)."""
    from directory.hsds import ImportFailed, import_document
    from portal.page_cache import purge_all
    from tests.directory import factories

    guidance, _service = site_with_service
    queries = []
    visit(client, guidance.url, queries)
    records = [
        factories.service_record(f"Importert tjeneste {n}", organisation=f"Org {n}")
        for n in range(5)
    ]
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        import_document({"contents": records})
    assert [c for c in callbacks if c is purge_all] == [purge_all]
    after = visit(client, guidance.url, queries).text
    assert queries[1] > 0  # rendered afresh after the import's purge
    assert "Importert tjeneste" in after

    broken = factories.service_record("Ødelagt", organisation="Org X")
    broken["phones"] = [{"id": "x", "number": "ikke et nummer"}]
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(ImportFailed),
    ):
        import_document({"contents": [records[0], broken]})
    assert purge_all not in callbacks
