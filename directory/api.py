"""The open-data API: HSDS 3.0 as the Open Referral API describes it, read-only, and
the directory as a CSV file for spreadsheets.

Thin views: each checks its query parameters, asks `directory.hsds` for the data
and answers JSON (errors too, with a plain message). No cookies, nothing logged
about who asked.
"""

import csv
import datetime as dt
import math
import uuid
from functools import wraps

from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.utils import timezone

from directory.hsds import exporter, spreadsheet
from portal.safe_json import MarkupSafeJSONEncoder

DEFAULT_PER_PAGE = 50
MAX_PER_PAGE = 500
MAX_SEARCH_LENGTH = 200
PAGING = ("page", "per_page")


class BadParameters(Exception):
    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


def _json(data, status=200):
    return JsonResponse(
        data,
        status=status,
        encoder=MarkupSafeJSONEncoder,  # search text comes back: no live markup
        json_dumps_params={"ensure_ascii": False},
    )


def _not_found(message):
    return _json({"error": message}, status=404)


def _without_language_redirect(request):
    """LocaleMiddleware answers any 404 outside the language prefix with a redirect
    to /nb/...; the API's 404s are answers. The middleware asks `request.urlconf`
    whether language prefixes are in use: for the API they are not."""
    request.urlconf = "directory.api_urls_root"


def endpoint(*accepted):
    """GET (and HEAD) only; refuse parameters the endpoint does not know, so that a
    misspelt filter is an error rather than an unfiltered answer."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in ("GET", "HEAD"):
                response = _json(
                    {"error": "This API is read-only: use GET."}, status=405
                )
                response["Allow"] = "GET, HEAD"
                return response
            unknown = sorted(set(request.GET) - set(accepted))
            try:
                if unknown:
                    known = ", ".join(accepted) or "none"
                    raise BadParameters(
                        {
                            name: f"unknown parameter; this endpoint accepts: {known}"
                            for name in unknown
                        }
                    )
                params = Parameters(request.GET)
                if "page" in accepted:
                    # Read now, so that a bad page is reported with the filters.
                    params.paging()
                response = view(request, params, *args, **kwargs)
            except BadParameters as exc:
                response = _json(
                    {"error": "Invalid parameters.", "errors": exc.errors}, status=400
                )
            _without_language_redirect(request)
            response["Access-Control-Allow-Origin"] = "*"
            # A search is nobody else's business: keep it out of shared caches.
            response["Cache-Control"] = (
                "no-store" if request.GET.get("search") else "public, max-age=300"
            )
            return response

        return wrapper

    return decorate


class Parameters:
    """Query parameters, each checked; every problem is collected, then raised."""

    def __init__(self, query):
        self.query = query
        self.errors = {}

    def _raw(self, name):
        values = self.query.getlist(name)
        if len(values) > 1:
            self.errors[name] = "give this parameter once"
        value = values[-1] if values else ""
        if "\x00" in value:
            self.errors[name] = "must not contain a NUL character"
            return ""
        return value.strip()

    def integer(self, name, default, maximum):
        raw = self._raw(name)
        if not raw:
            return default
        # isascii: str.isdigit() also accepts '²' and '٣', which int() refuses.
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= maximum:
            self.errors[name] = f"must be a whole number from 1 to {maximum}"
            return default
        return int(raw)

    def boolean(self, name):
        raw = self._raw(name).lower()
        if raw in ("", "false", "0"):
            return False
        if raw in ("true", "1"):
            return True
        self.errors[name] = "must be true or false"
        return False

    def identifier(self, name):
        raw = self._raw(name)
        if not raw:
            return None
        try:
            return uuid.UUID(raw)
        except ValueError:
            self.errors[name] = "must be a UUID, e.g. 1da1cfba-6de4-570e-a0db-..."
            return None

    def text(self, name, maximum=MAX_SEARCH_LENGTH):
        raw = self._raw(name)
        if len(raw) > maximum:
            self.errors[name] = f"must be at most {maximum} characters"
            return ""
        return raw

    def moment(self, name):
        """An ISO 8601 date or date-time; without an offset it is Norwegian time."""
        raw = self._raw(name)
        if not raw:
            return None
        try:
            value = dt.datetime.fromisoformat(raw.replace(" ", "+"))
            if timezone.is_naive(value):
                value = timezone.make_aware(value)
            value.astimezone(dt.UTC)  # out of range near year 1 or 9999
        except (ValueError, OverflowError):
            self.errors[name] = (
                "must be an ISO 8601 date or date-time, e.g. 2026-01-31 or "
                "2026-01-31T12:00:00Z"
            )
            return None
        return value

    def language(self):
        raw = self._raw("lang")
        languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
        if raw and raw not in languages:
            self.errors["lang"] = f"must be one of {', '.join(languages)}"
            return ""
        return raw

    def paging(self):
        if not hasattr(self, "_paging"):
            self._paging = (
                self.integer("page", 1, maximum=10**9),
                self.integer("per_page", DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE),
            )
        return self._paging

    def check(self):
        if self.errors:
            raise BadParameters(self.errors)


def _page(params, total, items_for):
    """The Open Referral `Page` envelope around one page of `contents`."""
    page, per_page = params.paging()
    params.check()
    total_pages = max(1, math.ceil(total / per_page))
    start = (page - 1) * per_page
    contents = items_for(start, start + per_page) if page <= total_pages else []
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }


# --- Endpoints ------------------------------------------------------------------


@endpoint()
def about(request, params):
    return _json(
        {
            "version": exporter.HSDS_VERSION,
            "profile": "https://openreferral.org/",
            "openapi_url": "https://raw.githubusercontent.com/openreferral/"
            "specification/3.0/schema/openapi.json",
        }
    )


@endpoint(
    "search",
    "taxonomy_term_id",
    "taxonomy_id",
    "organization_id",
    "modified_after",
    "full",
    "lang",
    *PAGING,
)
def services(request, params):
    query = exporter.ServiceFilter(
        language=params.language(),
        search=params.text("search"),
        taxonomy_term_id=params.identifier("taxonomy_term_id"),
        taxonomy_id=params.identifier("taxonomy_id"),
        organization_id=params.identifier("organization_id"),
        modified_after=params.moment("modified_after"),
    )
    full = params.boolean("full")
    params.check()
    found = exporter.find_services(query)
    writer = exporter.Exporter(query.language)
    return _json(
        _page(
            params,
            found.count(),
            lambda start, end: writer.services(found[start:end], full=full),
        )
    )


@endpoint("lang")
def service(request, params, service_id):
    language = params.language()
    params.check()
    try:
        found = exporter.listed_services().filter(hsds_id=uuid.UUID(service_id))
    except ValueError:
        return _not_found(f"No service with id {service_id!r}.")
    items = exporter.Exporter(language).services(found, full=True)
    if not items:
        return _not_found(f"No published, active service with id {service_id!r}.")
    return _json(items[0])


@endpoint("search", "lang", *PAGING)
def organizations(request, params):
    language = params.language()
    found = exporter.find_organisations(params.text("search"))
    writer = exporter.Exporter(language)
    return _json(
        _page(
            params,
            found.count(),
            lambda start, end: writer.organisations(found[start:end]),
        )
    )


@endpoint("full_service", "lang")
def organization(request, params, organization_id):
    language = params.language()
    full_service = params.boolean("full_service")
    params.check()
    try:
        found = exporter.organisation_by_id(uuid.UUID(organization_id))
    except ValueError:
        found = None
    if found is None:
        return _not_found(f"No organization with id {organization_id!r}.")
    writer = exporter.Exporter(language)
    return _json(writer.organisation_with_services(found, full_service))


@endpoint("search", *PAGING)
def taxonomies(request, params):
    search = params.text("search").casefold()
    found = [
        taxonomy
        for taxonomy in exporter.taxonomies()
        if search in taxonomy["name"] or search in taxonomy["description"].casefold()
    ]
    return _json(_page(params, len(found), lambda start, end: found[start:end]))


@endpoint()
def taxonomy(request, params, taxonomy_id):
    for found in exporter.taxonomies():
        if found["id"] == taxonomy_id.lower():
            return _json(found)
    return _not_found(f"No taxonomy with id {taxonomy_id!r}.")


@endpoint("search", "taxonomy_id", "parent_id", "top_only", "lang", *PAGING)
def taxonomy_terms(request, params):
    language = params.language()
    found = exporter.find_terms(
        search=params.text("search"),
        taxonomy_uuid=params.identifier("taxonomy_id"),
        parent_id=params.identifier("parent_id"),
        top_only=params.boolean("top_only"),
    )
    params.check()
    writer = exporter.Exporter(language)
    return _json(
        _page(params, found.count(), lambda start, end: writer.terms(found[start:end]))
    )


@endpoint("lang")
def taxonomy_term(request, params, term_id):
    language = params.language()
    params.check()
    try:
        found = exporter.term_by_id(uuid.UUID(term_id))
    except ValueError:
        found = None
    if found is None:
        return _not_found(f"No taxonomy term with id {term_id!r}.")
    return _json(exporter.Exporter(language).terms([found])[0])


@endpoint("delimiter")
def services_csv(request, params):
    """Every published service (any status), one row each, for Excel: UTF-8 with a
    byte-order mark; `delimiter=semicolon` for a spreadsheet set up for Norway."""
    delimiter = params.text("delimiter") or "comma"
    if delimiter not in ("comma", "semicolon"):
        params.errors["delimiter"] = "must be comma or semicolon"
    params.check()
    writer = csv.writer(_Echo(), delimiter="," if delimiter == "comma" else ";")

    def lines():
        yield "\ufeff"
        for row in spreadsheet.rows():
            yield writer.writerow(row)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    filename = f"hjelpetjenester-{timezone.localdate().isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class _Echo:
    """csv.writer writes to this, and we hand each line on as it comes."""

    def write(self, value):
        return value


def not_found(request, *args, **kwargs):
    _without_language_redirect(request)
    return _not_found(
        "No such address in the HSDS API. Try /api/hsds/services, /organizations, "
        "/taxonomies or /taxonomy_terms."
    )
