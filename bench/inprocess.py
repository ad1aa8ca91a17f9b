"""Measurements made inside one Django process (run by bench/run.py, never alone):
the example pages' addresses, server time per uncached page (shared fragment caches
warm, and cold: every shared cache emptied before each request), database queries per
page, and the home page's bytes for the ceiling view.

    python bench/inprocess.py urls
    python bench/inprocess.py measure --runs N --ceiling-file FILE URL...

Prints one JSON object. Settings come from the environment bench/run.py sets up
(bench.settings, PAGE_CACHE=off).
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup():
    import django

    django.setup()


def example_urls():
    """A guidance page that lists services and a service page with phones, hours
    and terms, from the example content."""
    from directory.models import ServicePage
    from portal.models import GuidancePage

    guidance = (
        GuidancePage.objects.live()
        .filter(locale__language_code="nb", related_categories__isnull=False)
        .distinct()
        .order_by("path")
        .first()
    )
    service = (
        ServicePage.objects.live()
        .filter(locale__language_code="nb", phones__isnull=False)
        .distinct()
        .order_by("path")
        .first()
    )
    return {"guidance": guidance.url, "service": service.url}


def count_queries(client, url):
    from django.db import connection

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    client.get(url)
    with connection.execute_wrapper(counter):
        response = client.get(url)
    return count, response.status_code


def timed_requests(client, url, runs, before_each=None):
    """Wall and CPU milliseconds of each of `runs` requests, `before_each()` run
    (untimed) before every one."""
    walls, cpus = [], []
    for _ in range(runs):
        if before_each is not None:
            before_each()
        cpu0, wall0 = time.process_time(), time.perf_counter()
        response = client.get(url)
        walls.append((time.perf_counter() - wall0) * 1000)
        cpus.append((time.process_time() - cpu0) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return walls, cpus


def server_time(client, url, runs):
    """Median wall and CPU milliseconds of one request through the whole Django
    stack (middleware, view, template, gzip), after warming up."""
    for _ in range(10):
        client.get(url)
    walls, cpus = timed_requests(client, url, runs)
    return {
        "wall_ms": statistics.median(walls),
        "cpu_ms": statistics.median(cpus),
        "wall_p95_ms": sorted(walls)[int(0.95 * (len(walls) - 1))],
    }


def cold_server_time(client, url, runs):
    """Median milliseconds and the queries of one request with every shared cache
    emptied first, as for the first visitor after a publish (a publish purges the
    page cache and, with its generation, every fragment kept in the shared cache)."""
    from django.core.cache import caches
    from django.db import connection

    queries = []

    def empty_caches():
        for cache in caches.all():
            cache.clear()
        queries.append(0)

    def counter(execute, sql, params, many, context):
        queries[-1] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counter):
        walls, cpus = timed_requests(client, url, runs, before_each=empty_caches)
    return {
        "wall_ms": statistics.median(walls),
        "cpu_ms": statistics.median(cpus),
        "queries": max(queries),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["urls", "measure"])
    parser.add_argument("urls", nargs="*")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--ceiling-file")
    args = parser.parse_intermixed_args()
    setup()
    if args.what == "urls":
        print(json.dumps(example_urls()))
        return
    from django.conf import settings
    from django.test import Client

    assert not settings.PAGE_CACHE, "measure uncached pages: PAGE_CACHE=off"
    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT_ENCODING="gzip")
    plain = Client(HTTP_HOST="127.0.0.1")
    out = {"queries": {}, "server_time": {}, "cold": {}}
    for url in args.urls:
        out["queries"][url] = count_queries(client, url)
        out["server_time"][url] = server_time(client, url, args.runs)
        out["cold"][url] = cold_server_time(client, url, max(args.runs // 4, 10))
    if args.ceiling_file:
        home = plain.get(args.urls[0])
        Path(args.ceiling_file).write_bytes(home.content)
        out["ceiling_bytes"] = len(home.content)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
