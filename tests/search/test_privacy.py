"""Searches are never stored with anything that identifies who searched; searches
that found nothing are counted per text, language and day, for 90 days."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from search.models import ZeroHitQuery
from search.service import record_zero_hits, zero_hit_text

pytestmark = pytest.mark.django_db


def test_a_zero_hit_count_holds_only_text_language_day_and_count():
    fields = {field.name for field in ZeroHitQuery._meta.get_fields()}

    assert fields == {"id", "query", "language", "day", "count"}


def test_zero_hit_searches_are_counted_per_text_language_and_day():
    record_zero_hits("Hjelp  TIL  mor", "nb")
    record_zero_hits("hjelp til mor", "nb")
    record_zero_hits("hjelp til mor", "en")

    rows = {(r.query, r.language): r.count for r in ZeroHitQuery.objects.all()}
    assert rows == {("hjelp til mor", "nb"): 2, ("hjelp til mor", "en"): 1}


def test_numbers_are_masked_so_phone_and_id_numbers_are_not_kept():
    assert zero_hit_text("ring 99 88 77 66 fra 01019912345") == (
        "ring ## ## ## ## fra ###########"
    )
    assert len(zero_hit_text("x" * 500)) == 100


def test_old_counts_are_deleted_on_write_and_by_the_command():
    today = timezone.localdate()
    old = ZeroHitQuery.objects.create(
        query="gammel", language="nb", day=today - dt.timedelta(days=91), count=3
    )
    kept = ZeroHitQuery.objects.create(
        query="nyere", language="nb", day=today - dt.timedelta(days=89), count=1
    )

    record_zero_hits("noe nytt", "nb")

    assert not ZeroHitQuery.objects.filter(pk=old.pk).exists()
    assert ZeroHitQuery.objects.filter(pk=kept.pk).exists()
    ZeroHitQuery.objects.filter(pk=kept.pk).update(day=today - dt.timedelta(days=100))
    call_command("prune_search_log", verbosity=0)
    assert not ZeroHitQuery.objects.filter(pk=kept.pk).exists()


def test_the_api_counts_a_search_without_results_and_nothing_about_the_visitor(
    portal_site, client
):
    from wagtail.contrib.search_promotions.models import Query, QueryDailyHits

    response = client.get(
        "/api/search/",
        {"q": "qwxzv plnkt"},
        HTTP_USER_AGENT="Secret Browser",
        REMOTE_ADDR="203.0.113.9",
    )

    assert response.status_code == 200 and response.json()["count"] == 0
    (row,) = ZeroHitQuery.objects.all()
    assert (row.query, row.language, row.count) == ("qwxzv plnkt", "nb", 1)
    stored = " ".join(str(v) for v in ZeroHitQuery.objects.values_list())
    assert "203.0.113.9" not in stored and "Secret" not in stored
    # Wagtail's own query log is not used: it would keep every text for ever.
    assert not Query.objects.exists() and not QueryDailyHits.objects.exists()
    assert not response.cookies


def test_searches_with_results_are_not_recorded(portal_site, client, settings):
    client.get("/api/search/", {"q": ""})

    assert not ZeroHitQuery.objects.exists()
