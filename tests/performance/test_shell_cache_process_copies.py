"""Each server process keeps what it read from the shared cache for a few seconds
(portal/shell_cache.py, ``_ProcessCopies``), so that a page does not read the same
files or Redis keys at every request. The shared cache's generation token is still
read at every request, so a publish anywhere shows at the next one; a copy ends
after ``LOCAL_SECONDS``; and every request gets objects of its own."""

import time

import pytest
from django.core.cache import caches

from portal import request_cache, shell_cache
from portal.page_cache import ALIAS, GENERATION_KEY, purge_all

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_a_request(settings):
    """As during a public request: the shell cache on, a fresh per-request memo."""
    settings.PORTAL_SHELL_CACHE = True

    def new_request():
        request_cache._memo.set({})

    new_request()
    yield new_request
    request_cache._memo.set(None)


def counting(value):
    calls = []

    def compute():
        calls.append(1)
        return value

    return calls, compute


def empty_the_shared_cache_but_its_generation():
    """As if the shared entries had ended (or another server had not made them)."""
    token = shell_cache.generation()
    caches[ALIAS].clear()
    caches[ALIAS].set(GENERATION_KEY, token, timeout=None)


def test_a_part_read_once_is_not_read_again_from_the_shared_cache(in_a_request):
    calls, compute = counting("<nav>links</nav>")
    assert shell_cache.cached("part", ("nb",), compute) == "<nav>links</nav>"
    empty_the_shared_cache_but_its_generation()
    in_a_request()
    assert shell_cache.cached("part", ("nb",), compute) == "<nav>links</nav>"
    assert len(calls) == 1


def test_a_new_generation_is_seen_at_the_next_request(in_a_request):
    calls, compute = counting(["a"])
    shell_cache.cached("part", ("nb",), compute)
    in_a_request()
    shell_cache.cached("part", ("nb",), compute)
    assert len(calls) == 1

    purge_all()  # a publish in any process or server
    in_a_request()
    shell_cache.cached("part", ("nb",), compute)
    assert len(calls) == 2


def test_a_copy_ends_after_a_few_seconds(in_a_request, monkeypatch):
    now = time.monotonic()
    monkeypatch.setattr(shell_cache, "_clock", lambda: now)
    calls, compute = counting(["a"])
    shell_cache.cached("part", ("nb",), compute)
    empty_the_shared_cache_but_its_generation()
    in_a_request()
    shell_cache.cached("part", ("nb",), compute)
    assert len(calls) == 1  # the process's copy

    monkeypatch.setattr(
        shell_cache, "_clock", lambda: now + shell_cache.LOCAL_SECONDS + 1
    )
    in_a_request()
    shell_cache.cached("part", ("nb",), compute)
    assert len(calls) == 2


def test_every_request_gets_objects_of_its_own(in_a_request):
    first = shell_cache.cached("part", ("nb",), lambda: {"links": ["a"]})
    first["links"].append("changed by the first request")
    in_a_request()
    again = shell_cache.cached("part", ("nb",), lambda: {"links": ["b"]})
    assert again == {"links": ["a"]}
    in_a_request()
    assert shell_cache.cached("part", ("nb",), dict) is not again


def test_a_page_read_back_is_a_page_of_its_own_with_the_same_fields(
    in_a_request, home_page, recwarn
):
    from wagtail.models import Page

    page = Page.objects.get(pk=home_page.pk).specific
    first = shell_cache.cached("page", (page.pk,), lambda: page)
    empty_the_shared_cache_but_its_generation()
    in_a_request()
    again = shell_cache.cached("page", (page.pk,), lambda: None)  # the copy

    assert again is not first and type(again) is type(page)
    assert again.pk == page.pk and again.title == page.title
    assert again.translation_key == page.translation_key
    assert again._state.db == "default" and not again._state.adding
    again.title = "changed by this request"
    in_a_request()
    assert shell_cache.cached("page", (page.pk,), lambda: None).title == page.title
    # Django's own check of a loaded instance (its version) found nothing amiss.
    assert not [w for w in recwarn if issubclass(w.category, RuntimeWarning)]
