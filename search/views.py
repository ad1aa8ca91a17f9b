"""The public search API: thin views that validate, call search.service, and
answer JSON. Never sets a cookie; never stores who asked."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from portal.safe_json import MarkupSafeJSONEncoder
from search import lexicon, service
from search.query import QueryError, parse, too_long_message
from search.suggestions import MAX_SUGGEST_INPUT

OPENAPI = Path(__file__).resolve().parent / "openapi.json"


def _json(data, status=200):
    response = JsonResponse(
        data,
        status=status,
        encoder=MarkupSafeJSONEncoder,  # the query text comes back: no live markup
        json_dumps_params={"ensure_ascii": False},
    )
    # What someone searched for must not stay in a shared or proxy cache.
    response["Cache-Control"] = "no-store"
    return response


def _bad_request(errors, message=None):
    message = message or gettext("Invalid search parameters.")
    return _json({"error": message, "errors": errors}, status=400)


@require_GET
def search(request):
    # One index generation for the whole answer (codes, search, labels).
    with lexicon.pinned():
        try:
            query = parse(request.GET)
        except QueryError as exc:
            return _bad_request(exc.errors, exc.message)
        results = service.run_search(query)
        return _json(serialise(results, query.language))


@require_GET
def suggest(request):
    text = str(request.GET.get("q", ""))
    if len(text) > MAX_SUGGEST_INPUT:
        return _bad_request({"q": too_long_message(MAX_SUGGEST_INPUT)})
    try:
        language = parse({"lang": request.GET.get("lang", "")}).language
    except QueryError as exc:
        return _bad_request(exc.errors, exc.message)
    return _json({"suggestions": service.suggest(text, language)})


@lru_cache(maxsize=1)
def _openapi_text():
    return OPENAPI.read_text(encoding="utf-8")


@require_GET
def openapi(request):
    response = HttpResponse(_openapi_text(), content_type="application/json")
    response["Cache-Control"] = "public, max-age=3600"
    return response


def _labels(codes, language):
    """Term names by code in `language`, Norwegian where missing (from the
    vocabulary kept per index generation: no query)."""
    names = lexicon.current_vocabulary().term_names(language, "nb")
    return {code: names[code][1] for code in codes if code in names}


def serialise(results, language):
    codes = {
        value
        for name in ("category", "audience")
        for value, _count in results.facets.get(name, [])
    }
    labels = _labels(codes, language) if codes else {}
    return {
        "count": results.count,
        "page": results.query.page,
        "per_page": results.query.per_page,
        "results": [_hit(hit) for hit in results.hits],
        "facets": {
            name: [
                {"value": value, "count": count, "label": labels.get(value, value)}
                for value, count in values
            ]
            for name, values in results.facets.items()
        },
        "searched": {
            "text": results.searched.text,
            "corrections": results.searched.corrections,
            "expanded_terms": results.searched.expanded_terms,
            "situations": [
                {
                    "phrase": s.phrase,
                    "language": s.language,
                    "categories": s.categories,
                    "audiences": s.audiences,
                }
                for s in results.searched.situations
            ],
        },
    }


def _hit(hit):
    document = hit.document
    data = {
        "id": hit.id,
        "type": hit.type,
        "title": hit.title,
        "url": hit.url,
        "snippet": hit.snippet,
        "score": hit.score,
        "language": document.language,
        "promoted": hit.promoted,
    }
    if hit.type == "service":
        position = None
        if document.latitude is not None:
            position = {"lat": document.latitude, "lon": document.longitude}
        data.update(
            organisation=document.organisation,
            categories=document.categories,
            audiences=document.audiences,
            features=document.features,
            municipalities=document.municipalities,
            languages_offered=document.languages_offered,
            free=document.free,
            anonymous=document.anonymous,
            round_the_clock=document.round_the_clock,
            open_now=hit.open_now,
            position=position,
            distance_km=hit.distance_km,
        )
    return data


def openapi_document():
    return json.loads(_openapi_text())
