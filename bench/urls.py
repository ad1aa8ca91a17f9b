"""The portal's URLs plus /bench-ceiling/: a bare Django view that returns the bytes
of a real page (the home page, captured by bench/run.py), so the benchmark has a
ceiling of the same size, served by the same server, middleware and settings."""

import os
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from portal.urls import handler404, handler500
from portal.urls import urlpatterns as portal_urlpatterns

_BODY = None


def ceiling(request):
    global _BODY
    if _BODY is None:
        source = os.environ.get("BENCH_CEILING_FILE")
        _BODY = Path(source).read_bytes() if source else b"x" * 8000
    return HttpResponse(_BODY, content_type="text/html; charset=utf-8")


urlpatterns = [path("bench-ceiling/", ceiling), *portal_urlpatterns]

__all__ = ["handler404", "handler500", "urlpatterns"]
