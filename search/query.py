"""Parse and validate search parameters (the API's query string) into a
SearchQuery. Everything a visitor can send is checked here, so backends only see
well-formed queries."""

from __future__ import annotations

import math
import re

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from directory.areas import AREA_NAMES
from search.backends.base import (
    MAX_PER_PAGE,
    SORT_ORDERS,
    Point,
    SearchFilters,
    SearchQuery,
)

MAX_QUERY_LENGTH = 500
MAX_PAGE = 500
CODE = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off"}


class QueryError(ValueError):
    """Invalid parameters: `errors` maps each parameter to a plain reason, a whole
    sentence in the visitor's language (the one `lang` asks for, else the active
    one), shown as it is on the search page and returned by the API."""

    def __init__(self, errors: dict[str, str]):
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors
        self.message = _("Invalid search parameters.")


def _values(params, name) -> list[str]:
    """Repeated (?category=a&category=b) or comma-separated values."""
    values = []
    for raw in params.getlist(name) if hasattr(params, "getlist") else [params[name]]:
        values.extend(v.strip() for v in str(raw).split(",") if v.strip())
    return values


def _bool(params, name, errors):
    if name not in params:
        return None
    value = str(params.get(name, "")).strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    errors[name] = _("%(name)s must be true or false.") % {"name": name}
    return None


def _int(params, name, default, low, high, errors):
    if name not in params:
        return default
    raw = str(params.get(name, "")).strip()
    value = int(raw) if raw.isdigit() and raw.isascii() and len(raw) <= 6 else None
    if value is None or not low <= value <= high:
        errors[name] = _(
            "%(name)s must be a whole number from %(low)s to %(high)s."
        ) % {"name": name, "low": low, "high": high}
        return default
    return value


def _float(params, name, low, high, errors):
    raw = str(params.get(name, "")).strip()
    try:
        if len(raw) > 30:
            raise ValueError
        value = float(raw)
    except ValueError:
        errors[name] = _("%(name)s must be a number.") % {"name": name}
        return None
    if not math.isfinite(value) or not low <= value <= high:
        errors[name] = _("%(name)s must be a number from %(low)s to %(high)s.") % {
            "name": name,
            "low": low,
            "high": high,
        }
        return None
    return value


def _unknown_codes_message(name, codes):
    if name == "category":
        return _("Unknown kind of help: %(codes)s.") % {"codes": codes}
    return _("Unknown group: %(codes)s.") % {"codes": codes}


def _codes(params, name, known, errors):
    codes = _values(params, name) if name in params else []
    bad = [c for c in codes if not CODE.match(c) or (known and c not in known)]
    if bad:
        errors[name] = _unknown_codes_message(name, ", ".join(b[:40] for b in bad[:5]))
    return [c for c in codes if c not in bad][:20]


def known_codes(taxonomy):
    """The taxonomy's codes, from the vocabulary kept per index generation (a
    term saved or deleted starts a new one)."""
    from search import lexicon

    return lexicon.current_vocabulary().codes(taxonomy)


def too_long_message(limit):
    return _("The search text can be at most %(limit)s characters long.") % {
        "limit": limit
    }


def parse(params, *, check_codes=True) -> SearchQuery:
    """A SearchQuery from request parameters, or QueryError listing every problem
    (in the language `lang` asks for, else the active language)."""
    portal_languages = {code for code, _name in settings.LANGUAGES}
    language = str(params.get("lang", "") or "").strip()
    with translation.override(
        language
        if language in portal_languages
        else translation.get_language() or settings.LANGUAGE_CODE
    ):
        return _parse(params, check_codes, portal_languages)


def _parse(params, check_codes, portal_languages) -> SearchQuery:
    from directory.models.service_parts import LANGUAGE_CHOICES

    errors: dict[str, str] = {}
    text = str(params.get("q", ""))
    if len(text) > MAX_QUERY_LENGTH:
        errors["q"] = too_long_message(MAX_QUERY_LENGTH)
        text = ""
    text = "".join(ch for ch in text if ch.isprintable() or ch.isspace())
    language = str(params.get("lang", "") or settings.LANGUAGE_CODE).strip()
    if language not in portal_languages:
        errors["lang"] = _("Unknown language. Use one of: %(codes)s.") % {
            "codes": ", ".join(sorted(portal_languages))
        }
        language = settings.LANGUAGE_CODE
    kind = params.get("type") or None
    if kind not in (None, "service", "page"):
        errors["type"] = _("The type must be “service” or “page”.")
        kind = None
    categories = _codes(
        params, "category", known_codes("category") if check_codes else None, errors
    )
    audiences = _codes(
        params, "audience", known_codes("audience") if check_codes else None, errors
    )
    municipality = None
    if params.get("municipality"):
        wanted = str(params.get("municipality")).strip().casefold()
        municipality = next((a for a in AREA_NAMES if a.casefold() == wanted), None)
        if municipality is None:
            errors["municipality"] = _("That municipality is not in Vestland.")
    offered = _values(params, "language") if "language" in params else []
    service_languages = {code for code, _ in LANGUAGE_CHOICES}
    if any(code not in service_languages for code in offered):
        errors["language"] = _("Unknown language in the language filter.")
        offered = []
    filters = SearchFilters(
        type=kind,
        categories=categories,
        audiences=audiences,
        municipality=municipality,
        languages_offered=offered[:20],
        free=_bool(params, "free", errors),
        anonymous=_bool(params, "anonymous", errors),
        open_now=_bool(params, "open_now", errors),
        round_the_clock=_bool(params, "round_the_clock", errors),
    )
    point = None
    if "lat" in params or "lon" in params:
        if "lat" not in params or "lon" not in params:
            errors["lat" if "lat" not in params else "lon"] = _(
                "Give both lat and lon, or neither."
            )
        else:
            lat = _float(params, "lat", -90.0, 90.0, errors)
            lon = _float(params, "lon", -180.0, 180.0, errors)
            if lat is not None and lon is not None:
                point = Point(lat, lon)
    sort = str(params.get("sort", "") or "relevance").strip()
    if sort not in SORT_ORDERS:
        errors["sort"] = _("Sort by one of: %(orders)s.") % {
            "orders": ", ".join(SORT_ORDERS)
        }
        sort = "relevance"
    elif sort == "distance" and point is None and "lat" not in errors:
        errors["sort"] = _("Sorting by distance needs lat and lon.")
    page = _int(params, "page", 1, 1, MAX_PAGE, errors)
    per_page = _int(params, "per_page", 20, 1, MAX_PER_PAGE, errors)
    if errors:
        raise QueryError(errors)
    return SearchQuery(
        text=text.strip(),
        language=language,
        filters=filters,
        point=point,
        sort=sort,
        page=page,
        per_page=per_page,
    )
