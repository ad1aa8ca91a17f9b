"""gunicorn's settings for production. `gunicorn portal.wsgi` run from the project
folder reads this file by itself (elsewhere: `gunicorn -c /path/to/gunicorn.conf.py
portal.wsgi`). Options given on the command line override what is set here.

Environment (all optional):

- `GUNICORN_BIND`: where to listen, e.g. `0.0.0.0:8000` or `unix:/run/portal.sock`
  (default `127.0.0.1:$PORT`, `PORT` default 8000: the portal sits behind a proxy).
- `WEB_CONCURRENCY`: worker processes (default: usable CPUs + 1).
- `GUNICORN_THREADS`: threads per worker (default 2).
- `GUNICORN_MAX_REQUESTS`: a worker is replaced after about this many requests
  (default 5000; 0 turns it off).

Memory: the application is imported once, in the master process, before the workers
are forked (`preload_app`), so every worker shares that copy of Django, Wagtail and the
portal's code with the master instead of importing its own; the imported objects are
moved out of the garbage collector's reach (`gc.freeze()`) so that collections in a
worker do not write to, and so copy, those shared pages. `bench/run.py` measures each
worker's RSS, PSS and USS.
"""

import gc
import os

_cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None

bind = [os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', 8000)}"]
workers = int(os.environ.get("WEB_CONCURRENCY") or (_cpus or os.cpu_count() or 1) + 1)
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS") or 2)
keepalive = 5
timeout = 30
graceful_timeout = 30

preload_app = True

# Leak guard: each worker is replaced after max_requests (plus up to the jitter, so
# that the workers are not all replaced at the same moment).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS") or 5000)
max_requests_jitter = max_requests // 10

# No access log: request lines carry search queries (?q=...), and the portal never
# stores a search with anything that could identify a person (README, "Privacy").
accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")


def when_ready(server):
    """In the master, once the application is loaded and before any worker is
    forked: load what every worker needs anyway, let go of connections a worker must
    not inherit, and freeze the garbage collector's view of the loaded objects."""
    if not server.cfg.preload_app:
        return
    from django.conf import settings
    from django.core.cache import caches
    from django.db import connections
    from django.urls import get_resolver
    from django.utils import translation

    _ = get_resolver().url_patterns  # imports portal.urls and every view module
    # The translation catalogues of all 13 languages (Django's, Wagtail's and the
    # portal's, about 6 MB): loaded here once instead of in each worker.
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            translation.gettext("Search")
    connections.close_all()
    for cache in caches.all(initialized_only=True):
        cache.close()
    gc.collect()
    gc.freeze()
    # A page leaves a few hundred objects in reference cycles (model instances and
    # their related-object caches), so with Python's default threshold (700) the
    # youngest generation is collected at about every other request, and the middle
    # one every twenty. Collecting after 7000 instead costs a worker a megabyte at
    # most and took a few percent off a page's CPU time (bench/RESULTS.md).
    gc.set_threshold(7000, 10, 10)
