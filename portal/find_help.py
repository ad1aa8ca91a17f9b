"""The public search page: parse the visitor's filters, run one search, and gather
what the result cards show (phones, term names) in a fixed number of queries."""

from django.conf import settings
from django.http import QueryDict
from django.utils.translation import get_language

from directory.areas import VESTLAND_MUNICIPALITIES
from directory.models import ServicePage, TaxonomyTerm
from search import query as search_query
from search.service import run_search

FILTER_FACETS = ("category", "audience", "municipality", "language")
FLAG_FACETS = ("free", "anonymous", "open_now", "round_the_clock")


def term_names(language):
    """Term names by code in the visitor's language, Norwegian where missing."""
    names = {}
    rows = TaxonomyTerm.objects.filter(
        locale__language_code__in={language, settings.LANGUAGE_CODE}
    ).values_list("code", "taxonomy", "locale__language_code", "name")
    for code, taxonomy, lang, name in rows:
        if lang == language or code not in names:
            names[code] = (taxonomy, name)
    return names


def find_help(params):
    """Everything the page needs; `error` holds the parameter problems, if any."""
    language = get_language() or settings.LANGUAGE_CODE
    params = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    params["lang"] = language
    names = term_names(language)
    context = {
        "names": {code: name for code, (_t, name) in names.items()},
        "categories": sorted(
            (code, name) for code, (t, name) in names.items() if t == "category"
        ),
        "municipalities": VESTLAND_MUNICIPALITIES,
        "params": params,
    }
    try:
        query = search_query.parse(params)
    except search_query.QueryError as error:
        context["errors"] = error.errors
        return context
    results = run_search(query)
    pages = ServicePage.objects.filter(
        pk__in=[hit.document.page_id for hit in results.hits if hit.type == "service"]
    ).prefetch_related("phones")
    phones = {page.pk: list(page.phones.all()) for page in pages}
    example = {page.pk for page in pages if page.is_example_data}
    verified = {page.pk: page.assured_date for page in pages}
    context.update(
        results=results,
        cards=[
            (
                hit,
                phones.get(hit.document.page_id, []),
                hit.document.page_id in example,
                verified.get(hit.document.page_id),
            )
            for hit in results.hits
        ],
        facets={
            name: [
                (value, context["names"].get(value, value), count)
                for value, count in results.facets.get(name, [])
            ]
            for name in FILTER_FACETS + FLAG_FACETS
        },
        selected={name: params.getlist(name) for name in FILTER_FACETS + FLAG_FACETS},
    )
    return context
