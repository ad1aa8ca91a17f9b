"""The public search page: parse the visitor's filters, run one search, and gather
what the result cards show (phones, term names) in a fixed number of queries.

The result cards are built here as HTML (the template prints them): twenty cards
hold hundreds of values, and a template tag per value cost more than all the rest
of the page. Term names and the taxonomy's codes come from the search
vocabulary, which every process keeps until the index generation changes (a term,
a page or a promotion saved), so they cost no query.
"""

import functools
import html

from django.conf import settings
from django.http import QueryDict
from django.template.defaultfilters import date as format_date
from django.template.defaultfilters import floatformat
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from directory import phones as phone_numbers
from directory.areas import VESTLAND_MUNICIPALITIES
from directory.models import ServicePage
from portal.templatetags.portal_tags import (
    in_visitor_language,
    language_attributes,
    language_own_name,
)
from search import lexicon
from search import query as search_query
from search.service import run_search

FILTER_FACETS = ("category", "audience", "municipality", "language")
FLAG_FACETS = ("free", "anonymous", "open_now", "round_the_clock")


def term_names(language):
    """Term names by code in the visitor's language, Norwegian where missing:
    {code: (taxonomy, name)}."""
    return lexicon.current_vocabulary().term_names(language, settings.LANGUAGE_CODE)


def _service_facts(hits):
    """{page id: (example data?, last verified)} and {page id: [(href, display)]}
    for the services among the hits: at most one query, whatever their number.
    Each service's facts are kept per process until the index generation changes
    (publishing a service re-indexes it), like the term names."""
    ids = [hit.document.page_id for hit in hits if hit.type == "service"]
    if not ids:
        return {}, {}
    kept = lexicon.shared("service-card-facts", dict)
    missing = [pk for pk in ids if pk not in kept]
    if missing:
        read: dict[int, tuple] = {}
        rows = (
            ServicePage.objects.filter(pk__in=missing)
            .order_by("pk", "phones__sort_order")
            .values_list("pk", "is_example_data", "assured_date", "phones__number")
        )
        for pk, example, assured, number in rows:
            calls = read.setdefault(pk, (example, assured, []))[2]
            if number is not None:
                calls.append(
                    (
                        phone_numbers.tel_href(number),
                        phone_numbers.display_phone(number),
                    )
                )
        kept.update(read)
    facts: dict[int, tuple] = {}
    numbers: dict[int, list] = {}
    for pk in ids:
        if pk in kept:
            example, assured, calls = kept[pk]
            facts[pk] = (example, assured)
            numbers[pk] = calls
    return facts, numbers


def _options(chosen=()):
    """The municipality <option>s, the chosen ones selected."""
    return _options_for(tuple(sorted(set(chosen) & _MUNICIPALITY_NAMES)))


@functools.lru_cache(maxsize=64)
def _options_for(chosen):
    # Only names from the fixed list are keys here: what a visitor typed is not kept.
    return mark_safe(  # noqa: S308 - names escaped
        "".join(
            f'<option value="{escaped}"{" selected" if name in chosen else ""}>'
            f"{escaped}</option>"
            for name, escaped in _MUNICIPALITIES
        )
    )


_MUNICIPALITIES = [(name, escape(name)) for name in VESTLAND_MUNICIPALITIES]
_MUNICIPALITY_NAMES = frozenset(VESTLAND_MUNICIPALITIES)


def _checkboxes(name, counts, names, chosen):
    """A facet's checkboxes with their labels and counts, the chosen ones checked."""
    return mark_safe(  # noqa: S308 - every value escaped
        "".join(
            f'<label class="check"><input type="checkbox" name="{name}" '
            f'value="{_escape(value)}"{" checked" if value in chosen else ""}> '
            f'{_escape(names.get(value, value))} <span class="count">({count})</span>'
            "</label>"
            for value, count in counts
        )
    )


# Cards kept per process, at most this many (then all dropped and built anew).
CARD_HTML_ENTRIES = 5000


def _cards(hits, names):
    """Each result's card as HTML: built here rather than in the template, where
    the same markup cost twenty times as much (a template tag per value). A card
    shows only its document and what is the same for every visitor of the
    language, so each is kept per process until the index generation changes,
    under the document, the language and what the hit adds: the sentence chosen as
    snippet and "open now" (worked out at every search)."""
    language = get_language()
    kept = lexicon.shared("card-html", dict)
    if len(kept) >= CARD_HTML_ENTRIES:
        kept.clear()
    # Not a card with a distance: nothing about where a visitor is is kept.
    keys = [
        (language, hit.id, hit.title, hit.url, hit.snippet, hit.open_now)
        if hit.distance_km is None
        else None
        for hit in hits
    ]
    cards = [kept.get(key) if key else None for key in keys]
    missing = [n for n, card in enumerate(cards) if card is None]
    if missing:
        built = _build_cards([hits[n] for n in missing], names)
        for n, card in zip(missing, built, strict=True):
            cards[n] = card
            if keys[n]:
                kept[keys[n]] = card
    return cards


def _build_cards(hits, names):
    facts, numbers = _service_facts(hits)
    text = {
        key: escape(gettext(message))
        for key, message in (
            ("example", "Example data"),
            ("always", "Open 24/7"),
            ("open", "Open now"),
            ("closed", "Closed now"),
            ("free", "Free of charge"),
            ("anonymous", "You can be anonymous"),
            ("for", "For"),
            ("languages", "Languages"),
            ("call", "Call"),
        )
    }
    # Worked out once per page: many cards name the same languages and dates.
    text["own_names"], text["dates"] = {}, {}
    return [_card(hit, names, facts, numbers, text) for hit in hits]


def _own_name(code, text):
    found = text["own_names"].get(code)
    if found is None:
        found = text["own_names"][code] = conditional_escape(language_own_name(code))
    return found


def _date(day, text):
    found = text["dates"].get(day)
    if found is None:
        # The same few dates on every page: formatted once per language and day
        # until the index changes.
        formatted = lexicon.shared("card-dates", dict)
        key = (get_language(), day)
        found = formatted.get(key)
        if found is None:
            found = formatted[key] = format_date(day, "DATE_FORMAT")
        text["dates"][day] = found
    return found


def _escape(value):
    """Django's ``escape`` without its check for lazy text (hundreds of calls per
    page; card values are plain text)."""
    return html.escape(str(value))


def _card(hit, names, facts, numbers, text):
    document = hit.document
    lang = language_attributes(document.language)
    parts = [
        f'<li class="card">\n<h2><a href="{_escape(in_visitor_language(hit.url))}"'
        f"{lang}>{_escape(hit.title)}</a></h2>\n"
    ]
    add = parts.append
    service = hit.type == "service"
    if service:
        example, verified = facts.get(document.page_id, (False, None))
        badges = []
        if example:
            badges.append(("badge badge-example", text["example"]))
        if document.round_the_clock:
            badges.append(("badge badge-open", text["always"]))
        elif hit.open_now:
            badges.append(("badge badge-open", text["open"]))
        elif hit.open_now is False:
            badges.append(("badge badge-closed", text["closed"]))
        if document.free:
            badges.append(("badge", text["free"]))
        if document.anonymous:
            badges.append(("badge", text["anonymous"]))
        add(f'<p class="card-org"{lang}>{_escape(document.organisation)}</p>\n')
        add('<ul class="badges">')
        add("".join(f'<li class="{c}">{label}</li>' for c, label in badges))
        add("</ul>\n")
    add(f'<p class="snippet"{lang}>{_escape(hit.snippet)}</p>\n')
    if service:
        if document.audiences:
            audiences = ", ".join(names.get(code, code) for code in document.audiences)
            add(f'<p class="card-for">{text["for"]}: {_escape(audiences)}</p>\n')
        calls = numbers.get(document.page_id)
        if calls:
            add('<p class="card-phones">')
            for href, display in calls:
                add(
                    f'<a class="call-link" href="{_escape(href)}">{text["call"]} '
                    f'<span dir="ltr">{_escape(display)}</span></a> '
                )
            add("</p>\n")
        if document.languages_offered:
            offered = ", ".join(
                _own_name(code, text) for code in document.languages_offered
            )
            add(f'<p class="card-languages">{text["languages"]}: {offered}</p>\n')
        if verified:
            line = gettext("Last verified %(date)s by %(organisation)s.") % {
                "date": _date(verified, text),
                "organisation": document.organisation,
            }
            add(f'<p class="card-verified hint">{_escape(line)}</p>\n')
        if hit.distance_km is not None:
            away = gettext("%(km)s km away") % {"km": floatformat(hit.distance_km, 1)}
            add(f'<p class="hint">{_escape(away)}</p>\n')
    add("</li>\n")
    return mark_safe("".join(parts))  # noqa: S308 - every value escaped above


def find_help(params):
    """Everything the page needs; `error` holds the parameter problems, if any."""
    with lexicon.pinned():
        return _find_help(params)


def _find_help(params):
    language = get_language() or settings.LANGUAGE_CODE
    params = params.copy() if isinstance(params, QueryDict) else QueryDict(mutable=True)
    params["lang"] = language
    names = {code: name for code, (_t, name) in term_names(language).items()}
    context = {"names": names, "params": params}
    try:
        query = search_query.parse(params)
    except search_query.QueryError as error:
        context["errors"] = error.errors
        context["municipality_options"] = _options()
        return context
    results = run_search(query)
    selected = {name: params.getlist(name) for name in FILTER_FACETS + FLAG_FACETS}
    context.update(
        selected=selected,
        filters_open=any(selected.values()),
        municipality_options=_options(selected["municipality"]),
        results=results,
        # One string: twenty template variables cost more than joining them here.
        cards=mark_safe("".join(_cards(results.hits, names))),  # noqa: S308 - escaped cards
        checkboxes={
            name: _checkboxes(name, results.facets.get(name, []), names, selected[name])
            for name in ("category", "audience")
        },
    )
    if not results.count:
        # Where to look instead, when nothing was found.
        context["categories"] = sorted(
            (code, name)
            for code, (t, name) in term_names(language).items()
            if t == "category"
        )
    return context
