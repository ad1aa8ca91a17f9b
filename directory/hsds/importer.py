"""Reading HSDS 3.0 into the directory: services, translation sets and taxonomies.

One transaction per document: a document with any invalid record applies nothing and
every problem is reported with its JSON path and a plain reason. Files are read item
by item (`import_file`), so a large document needs no more memory than a small one.
"""

import contextlib
import datetime as dt
import decimal
import itertools
import json
import threading
from collections import Counter, OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from uuid import UUID

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models.signals import post_save
from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from wagtail.models import Locale, Page, ReferenceIndex, Revision
from wagtail.signal_handlers import disable_reference_index_auto_update

from directory import permissions
from directory.hsds import stream
from directory.hsds.common import MODEL_TO_HSDS, TRANSLATED_FIELDS
from directory.models import (
    DirectoryIndexPage,
    Location,
    OrganisationPage,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAttribute,
    ServiceLanguage,
    ServicePage,
    TaxonomyTerm,
)
from portal import page_cache
from portal.models import HomePage

# The report keeps this many lines of each kind (the counts are always complete), so
# that importing a million services does not keep a million lines in memory.
DETAIL_LIMIT = 1000
ORGANISATION_CACHE_SIZE = 500
# A new page's slug is looked for among this many numbered names before all the
# names that start like it (see `_free_slug`).
SLUG_CANDIDATES = 10
SLUG_MEMORY = 10_000
# Existing services and organisations are looked up this many records at a time.
LOOKUP_BATCH_SIZE = 100
# Published pages are handed to the search indexes this many at a time.
INDEX_BATCH_SIZE = 250
# A record's own errors come out of these while it is read.
_BAD_VALUE = (KeyError, TypeError, ValueError, AttributeError, IndexError)
# The service's parts, as (HSDS list, related name, model).
CHILDREN = [
    ("phones", "phones", Phone),
    ("schedules", "schedules", Schedule),
    ("service_at_locations", "locations", Location),
    ("service_areas", "service_areas", ServiceArea),
    ("languages", "languages", ServiceLanguage),
    ("attributes", "attributes", ServiceAttribute),
]
# The page fields an import sets (and compares, to leave unchanged services alone).
SERVICE_FIELDS = [
    *TRANSLATED_FIELDS.values(),
    "website",
    "email",
    "status",
    "minimum_age",
    "maximum_age",
    "assured_date",
    "is_example_data",
    "open_on_public_holidays",
]
# What a translation takes from its source unchanged: all but the texts.
SHARED_FIELDS = [f for f in SERVICE_FIELDS if f not in TRANSLATED_FIELDS.values()]
ORGANISATION_FIELDS = ["title", "description", "email", "website", "is_example_data"]


class ImportFailed(Exception):
    """The document was not applied; `problems` lists every reason."""

    def __init__(self, problems, count=None):
        count = len(problems) if count is None else count
        super().__init__(f"{count} problem(s); nothing was imported")
        self.problems = problems


class _DryRun(Exception):
    pass


@dataclass
class ImportReport:
    """What an import did. The lists hold the first DETAIL_LIMIT lines; `counts`
    and `summary()` are complete."""

    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    dry_run: bool = False
    counts: Counter = field(default_factory=Counter)

    def note(self, kind, line):
        self.counts[kind] += 1
        lines = getattr(self, kind)
        if len(lines) < DETAIL_LIMIT:
            lines.append(line)

    def problem(self, line):
        self.note("problems", line)

    @property
    def problem_count(self):
        return self.counts["problems"]

    def all_problems(self):
        hidden = self.problem_count - len(self.problems)
        more = [f"... and {hidden} more problem(s)"] if hidden else []
        return self.problems + more

    def summary(self):
        verb = "would be" if self.dry_run else "were"
        counts = self.counts
        text = f"{counts['created']} {verb} created, {counts['updated']} {verb} updated"
        if counts["unchanged"]:
            text += f", {counts['unchanged']} unchanged"
        return text + "."


def read_document(path):
    """The whole document in memory (small files; `import_file` streams)."""
    with open(path, encoding="utf-8-sig") as handle:
        try:
            return json.load(handle)
        except json.JSONDecodeError as exc:
            where = f"line {exc.lineno}, column {exc.colno}"
            raise ImportFailed([f"$: not valid JSON ({where}): {exc.msg}"]) from exc


def import_document(document, *, language=None, dry_run=False):
    """Import a taxonomy file or an HSDS `/services` page (a dict), all or nothing."""
    members = document.items() if isinstance(document, dict) else ()
    return _import(members, language, dry_run)


def import_file(path, *, language=None, dry_run=False):
    """Import a file as `import_document` does, reading services one at a time."""
    with open(path, encoding="utf-8-sig") as handle:
        members = stream.members(handle, lazy={"contents"})
        return _import(members, language, dry_run)


def _import(members, language, dry_run):
    report = ImportReport(dry_run=dry_run)
    language = language or settings.LANGUAGE_CODE
    try:
        # Wagtail would re-index a service's references once per saved part; the
        # import updates the index once per page instead. The search indexes get
        # the published pages in batches (see `_BulkIndexing`).
        with (
            transaction.atomic(),
            disable_reference_index_auto_update(),
            # Hundreds of new editor groups take the same permission rows.
            permissions.remembered_permissions(),
            # One page-cache purge for the whole import, not one per page.
            page_cache.one_purge(),
            _BatchedLogEntries() as log_entries,
            _BulkIndexing(report) as indexing,
        ):
            _apply(members, language, report)
            if report.problem_count:
                raise ImportFailed(report.all_problems(), report.problem_count)
            if dry_run:
                raise _DryRun
            log_entries.flush()
            indexing.flush()
    except _DryRun:
        pass
    return report


_running = threading.local()
# Pages' log entries are written this many at a time.
LOG_BATCH_SIZE = 500


class _BatchedLogEntries(contextlib.AbstractContextManager):
    """Write the pages' log entries ("created", "published") in one INSERT per
    LOG_BATCH_SIZE instead of one INSERT and three checking queries each.

    Wagtail's own `log()` still makes every entry, with the same action, page,
    revision, label, data and time: only its final `create()` is replaced, in this
    thread, by validating the entry without the queries that check that its page,
    revision and content type exist (they were saved a moment ago) and keeping it
    for the next batch. A record that fails takes its entries with it
    (`_savepoint`); a failed import writes none.
    """

    _manager = None

    def __enter__(self):
        from wagtail.models import PageLogEntry

        self.entries = []
        self.added = 0
        self.outer, _running.log_entries = getattr(_running, "log_entries", None), self
        manager = PageLogEntry.objects
        if "create" not in manager.__dict__:
            manager.create = _create_log_entry
            type(self)._manager = manager
        return self

    def __exit__(self, *exc_info):
        _running.log_entries = self.outer
        if self.outer is None and type(self)._manager is not None:
            del type(self)._manager.create
            type(self)._manager = None
        return False

    def add(self, entry):
        entry.full_clean(exclude=_LOG_ENTRY_LINKS)
        self.entries.append(entry)
        self.added += 1
        if len(self.entries) >= LOG_BATCH_SIZE:
            self.flush()

    def mark(self):
        return self.added

    def drop_since(self, mark):
        """Forget the entries of a record rolled back to its savepoint (those
        already written went with the savepoint)."""
        dropped = self.added - mark
        del self.entries[max(0, len(self.entries) - dropped) :]
        self.added = mark

    def flush(self):
        from wagtail.models import PageLogEntry

        entries, self.entries = self.entries, []
        PageLogEntry.objects.bulk_create(entries)


# What a log entry links to, made by this import a moment before the entry.
_LOG_ENTRY_LINKS = ["content_type", "page", "revision", "user"]


def _create_log_entry(**fields):
    from wagtail.models import PageLogEntry

    batch = getattr(_running, "log_entries", None)
    if batch is None:  # another thread, while an import runs
        return PageLogEntry._default_manager.get_queryset().create(**fields)
    entry = PageLogEntry(**fields)
    batch.add(entry)
    return entry


class _BulkIndexing(contextlib.AbstractContextManager):
    """Index the imported pages a batch at a time instead of one by one.

    Publishing a page normally indexes it at once, in the portal's search (the
    `search` app listens to `page_published`) and in Wagtail's admin search (a
    `post_save` handler per save: three per published page). For an import that
    is most of the work, so while it runs both wait, and every INDEX_BATCH_SIZE
    published pages are indexed together, inside the import's transaction: a
    failed import leaves the indexes as they were, a dry run changes nothing.
    The admin-search handlers are disconnected for services and organisations
    only, and reconnected afterwards (an import is a command-line job).
    """

    def __init__(self, report):
        self.report = report
        self.services = set()
        self.organisations = set()  # updated ones: their services' texts change
        self.paused = contextlib.ExitStack()
        self.models = []

    def __enter__(self):
        from modelsearch import signal_handlers

        if apps.is_installed("search"):
            from search import indexing  # the portal's own search

            self.portal_search = indexing
            self.paused.enter_context(indexing.paused())
        else:
            self.portal_search = None
        for model in (ServicePage, OrganisationPage):
            if post_save.disconnect(
                signal_handlers.post_save_signal_handler, sender=model
            ):
                self.models.append(model)
        self.outer, _running.indexing = getattr(_running, "indexing", None), self
        return self

    def __exit__(self, *exc_info):
        from modelsearch import signal_handlers

        _running.indexing = self.outer
        for model in self.models:
            post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
        self.paused.close()
        return False

    def published(self, page, created):
        if isinstance(page, ServicePage):
            self.services.add(page.pk)
        else:
            self.organisations.add(page.pk)
            if not created:
                # The organisation's name is part of its services' documents.
                self.services.update(
                    ServicePage.objects.descendant_of(page).values_list("pk", flat=True)
                )
        if len(self.services) + len(self.organisations) >= INDEX_BATCH_SIZE:
            self.flush()

    def flush(self):
        if self.report.problem_count or self.report.dry_run:
            # Rolled back in the end: nothing to index.
            self.services.clear()
            self.organisations.clear()
            return
        from modelsearch.backends import get_search_backends

        services = _with_parts_and_parents(
            ServicePage.objects.filter(pk__in=self.services)
        )
        organisations = list(OrganisationPage.objects.filter(pk__in=self.organisations))
        self.services.clear()
        self.organisations.clear()
        if self.portal_search is not None:
            # Indexes what may be listed and drops the rest, as publishing does.
            self.portal_search.index_pages(services)
        for model, objects in (
            (ServicePage, services),
            (OrganisationPage, organisations),
        ):
            if model in self.models and objects:
                indexed = list(model.get_indexed_objects().filter(pk__in=objects))
                for backend in get_search_backends(with_auto_update=True):
                    backend.add_bulk(model, indexed)


def _with_parts_and_parents(services):
    """The services with what their search documents read (locale, parts and the
    organisation's page) loaded in a few queries for the whole batch, not several
    per service."""
    from search.sources import SERVICE_DOCUMENT_PARTS

    services = list(
        services.select_related("locale").prefetch_related(*SERVICE_DOCUMENT_PARTS)
    )
    parents = {
        page.path: page
        for page in Page.objects.filter(
            path__in={service.path[: -Page.steplen] for service in services}
        )
    }
    for service in services:
        # treebeard's own cache of `get_parent()`.
        service._cached_parent_obj = parents[service.path[: -Page.steplen]]
    return services


def _apply(members, language, report):
    try:
        for key, value in members:
            if key == "terms" and isinstance(value, list):
                _import_taxonomy(value, report)
                return
            if key == "contents" and isinstance(value, list | Iterator):
                _import_services(value, language, report)
                return
    except stream.StreamError as exc:
        report.problem(str(exc))
        return
    except UnicodeDecodeError:
        report.problem("$: the file is not UTF-8 text")
        return
    report.problem(
        "$: expected an HSDS services page (with 'contents') or a taxonomy file "
        "(with 'terms')"
    )


def _publish(page, created=False, validated=True):
    """Save a revision of a validated page and publish it, as an editor's "Publish"
    does: same revision, log entry and signals (search indexing comes in batches:
    `_BulkIndexing`)."""
    made_empty = page.__dict__.pop("_made_empty", None)
    revision = page.save_revision(clean=False)
    # The revision was made from the parts in memory, which `_replace_children` has
    # already written in one INSERT per kind: publishing need not save them again
    # one row at a time (modelcluster's commit), so they are set aside meanwhile.
    written = _set_aside_written_parts(page)
    # Publishing rebuilds the page from the revision's JSON, checking with one query
    # per part that the part's service and term still exist. The page in memory is
    # what it would rebuild, made a moment ago: hand it over instead.
    revision.as_object = lambda: page
    # Made a moment ago in this transaction, the revision is the page's latest.
    revision.is_latest_revision = _yes
    if made_empty is not None:
        # A page made by this import (`_add_child`) has no earlier revision, no
        # alias to update and no workflow in progress to cancel: publishing need not
        # ask. (`_current_workflow_states` is Wagtail's own prefetch slot.)
        revision.get_previous = _no_previous_revision
        page.update_aliases = _no_aliases
        page._current_workflow_states = []
    if validated:
        # The page passed `full_clean` a moment ago, before it was written: saving
        # it as published need not run every check and its queries a second time.
        page.full_clean = _already_validated
    try:
        revision.publish()
    finally:
        for name in ("full_clean", "update_aliases", "_current_workflow_states"):
            page.__dict__.pop(name, None)
    # The reference index reads the parts from memory, not back from the database
    # (a new page's comments too, which saving its revision wrote: none).
    for name in made_empty or ():
        written.setdefault(name, [])
    page._cluster_related_objects.update(written)
    _update_references(page)
    for name in written:
        page._cluster_related_objects.pop(name, None)
    indexing = getattr(_running, "indexing", None)
    if indexing is not None:
        indexing.published(page, created)


def _already_validated(*args, **kwargs):
    pass


def _yes():
    return True


def _no_previous_revision():
    raise Revision.DoesNotExist


def _no_aliases(**kwargs):
    pass


def _add_child(parent, page):
    """`parent.add_child(instance=page)`, which validates the new page as Wagtail
    does before saving a live page, less the checks whose answer is known without
    asking the database: that its content type and locale exist (both read from
    the database), that its translation key (new) and tree path (given by
    treebeard inside this transaction) are unique, and that no sibling has its
    slug (`_free_slug` chose it among the siblings' slugs a moment ago, in this
    transaction). The database enforces the first four anyway; every other rule
    is checked as usual."""
    model = type(page)
    page.full_clean = lambda *args, **kwargs: model.full_clean(
        page, exclude=["content_type", "locale"], validate_unique=False
    )
    page._check_slug_is_unique = _already_validated
    try:
        parent.add_child(instance=page)
    finally:
        del page.full_clean
        del page._check_slug_is_unique
    # A page made a moment ago has no comments, closures or other parts yet: its
    # revision and reference index read these empty lists instead of asking, and
    # publishing leaves the (empty) tables alone (`_set_aside_written_parts`).
    names = [rel.get_accessor_name() for rel in get_all_child_relations(page)]
    for name in names:
        setattr(page, name, [])
    page._written_parts = page._made_empty = names


def _set_aside_written_parts(page):
    """Take the parts `_replace_children` wrote out of the page's pending changes."""
    pending = getattr(page, "_cluster_related_objects", None)
    if pending is None:
        page._cluster_related_objects = pending = {}
    written = {}
    for name in page.__dict__.pop("_written_parts", ()):
        if name in pending:
            written[name] = pending.pop(name)
    return written


def _new_page(page):
    """A page made by this import: its translation key is new, so it is no site's
    root (Wagtail's own shortcut, saving a query on each of the page's saves)."""
    page._is_site_root = False
    return page


def _update_references(instance):
    if ReferenceIndex.is_indexed(instance._meta.model):
        ReferenceIndex.create_or_update_for_object(instance)


# --- Taxonomy -------------------------------------------------------------------


def _locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def _import_taxonomy(items, report):
    source = _locale(settings.LANGUAGE_CODE)
    known = {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}
    existing = {}
    for term in TaxonomyTerm.objects.select_related("locale"):
        existing[(term.translation_key, term.locale.language_code)] = term
    by_id = {}
    for index, item in enumerate(items):
        path = f"$.terms[{index}]"
        try:
            names = item["name"]
            term_id = UUID(str(item["id"]))
            taxonomy = item["taxonomy"]
            code = item["code"]
            if not isinstance(names, dict):
                raise TypeError("'name' must be an object of names by language")
        except _BAD_VALUE as exc:
            report.problem(f"{path}: missing or invalid {exc}")
            continue
        if taxonomy not in TaxonomyTerm.Taxonomy.values:
            report.problem(f"{path}.taxonomy: unknown taxonomy {taxonomy!r}")
            continue
        if not names.get(settings.LANGUAGE_CODE):
            report.problem(
                f"{path}.name.{settings.LANGUAGE_CODE}: the Norwegian name is missing"
            )
            continue
        term = TaxonomyTerm.objects.filter(hsds_id=term_id, locale=source).first()
        created = term is None
        term = term or TaxonomyTerm(hsds_id=term_id, locale=source)
        if _fill_term(term, item, settings.LANGUAGE_CODE, code, taxonomy):
            term.save()
            _update_references(term)
            report.note("created" if created else "updated", f"term {code}")
        else:
            report.note("unchanged", f"term {code}")
        by_id[str(term_id)] = term
        for lang, name in names.items():
            if lang == settings.LANGUAGE_CODE or lang not in known or not name:
                continue
            translation = existing.get((term.translation_key, lang)) or TaxonomyTerm(
                hsds_id=term_id,
                translation_key=term.translation_key,
                locale=_locale(lang),
            )
            if _fill_term(translation, item, lang, code, taxonomy):
                translation.save()
                _update_references(translation)
    # Parents last: a child may come before its parent in the file.
    for index, item in enumerate(items):
        parent_id = item.get("parent_id") if isinstance(item, dict) else None
        if not parent_id or str(item.get("id")) not in by_id:
            continue
        parent = (
            by_id.get(str(parent_id))
            or TaxonomyTerm.objects.filter(hsds_id=parent_id, locale=source).first()
        )
        if parent is None:
            report.problem(f"$.terms[{index}].parent_id: no term with id {parent_id}")
            continue
        for term in TaxonomyTerm.objects.filter(
            translation_key=by_id[str(item["id"])].translation_key
        ).select_related("locale"):
            new_parent = parent.get_translation_or_none(term.locale) or parent
            if term.parent_id != new_parent.pk:
                term.parent = new_parent
                term.save(update_fields=["parent"])
                _update_references(term)


def _fill_term(term, item, lang, code, taxonomy):
    """Set the term's fields from the file; True if anything changed."""
    description = item.get("description") or {}
    synonyms = item.get("synonyms") or {}
    if isinstance(description, str):
        description = {settings.LANGUAGE_CODE: description}
    values = {
        "code": code,
        "taxonomy": taxonomy,
        "name": item["name"][lang][:120],
        "description": description.get(lang, ""),
        "synonyms": "\n".join(synonyms.get(lang, [])),
    }
    changed = term.pk is None
    for name, value in values.items():
        if getattr(term, name) != value:
            setattr(term, name, value)
            changed = True
    return changed


# --- Services -------------------------------------------------------------------


def directory_index():
    source = _locale(settings.LANGUAGE_CODE)
    index = DirectoryIndexPage.objects.filter(locale=source).first()
    if index is None:
        home = HomePage.objects.get(locale=source)
        index = DirectoryIndexPage(
            title="Finn hjelp", slug="hjelp", locale=source, intro=""
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    permissions.ensure_moderation_workflow(index)
    return index


def _import_services(items, language, report):
    if language == settings.LANGUAGE_CODE:
        run = _ServiceImport(report)
        numbered = enumerate(items)
        while True:
            batch, failure = [], None
            try:
                for entry in numbered:
                    batch.append(entry)
                    if len(batch) == LOOKUP_BATCH_SIZE:
                        break
            except (stream.StreamError, UnicodeDecodeError) as exc:
                failure = exc  # the records read before it are still checked
            run.look_up(item for _position, item in batch)
            for position, item in batch:
                run.import_one(item, f"$.contents[{position}]")
            if failure is not None:
                raise failure
            if len(batch) < LOOKUP_BATCH_SIZE:
                return
    else:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is None:
            report.problem(f"$: the portal has no language {language!r}")
            return
        for position, item in enumerate(items):
            _import_translation(item, f"$.contents[{position}]", locale, report)


def _savepoint(path, report, action):
    """Run one record's changes in a savepoint so the rest can still be checked.
    True if the record was applied."""
    log_entries = getattr(_running, "log_entries", None)
    mark = log_entries.mark() if log_entries else 0
    try:
        with transaction.atomic():
            action()
    except _RecordInvalid:
        pass
    except ValidationError as exc:
        for problem in _describe(path, exc):
            report.problem(problem)
    except _BAD_VALUE as exc:
        report.problem(f"{path}: missing or invalid value ({exc})")
    else:
        return True
    if log_entries:
        log_entries.drop_since(mark)
    return False


def _describe(path, error):
    if hasattr(error, "error_dict"):
        return [
            f"{path}.{MODEL_TO_HSDS.get(name, name)}: {message}"
            for name, messages in error.message_dict.items()
            for message in messages
        ]
    return [f"{path}: {message}" for message in error.messages]


class _ServiceImport:
    """One document's services. Remembers the terms and the organisations it has
    seen lately, so that an organisation with a hundred services is compared once,
    not a hundred times (and published only if the document changes it)."""

    def __init__(self, report):
        self.report = report
        self.index = directory_index()
        self.locale = self.index.locale
        self.terms = {
            str(term.hsds_id): term
            for term in TaxonomyTerm.objects.filter(locale=self.locale)
        }
        # hsds id -> page, checked against this document. Bounded, so memory stays
        # flat when every service has an organisation of its own.
        self.organisations = OrderedDict()
        # hsds id -> page or None, as the database had them when the batch was read.
        self.known_services = {}
        self.known_organisations = {}
        # slug base -> the last number an organisation of that name was given.
        self.slug_numbers = {}

    def look_up(self, items):
        """Find the services and organisations of the next records in one query
        each, instead of two queries per record."""
        service_ids, organisation_ids = set(), set()
        for item in items:
            if not isinstance(item, dict):
                continue
            with contextlib.suppress(*_BAD_VALUE):
                service_ids.add(UUID(str(item["id"])))
            with contextlib.suppress(*_BAD_VALUE):
                org_id = item.get("organization_id") or item["organization"]["id"]
                organisation_ids.add(UUID(str(org_id)))
        organisation_ids -= set(self.organisations)
        for known, model, ids in (
            (self.known_services, ServicePage, service_ids),
            (self.known_organisations, OrganisationPage, organisation_ids),
        ):
            known.clear()
            known.update(dict.fromkeys(ids))
            # By path, last first: the first page by path wins, as `.first()` gives.
            for page in model.objects.filter(
                hsds_id__in=ids, locale=self.locale
            ).order_by("-path"):
                known[page.hsds_id] = page

    def _organisation_slug(self, text):
        """`_free_slug` below the directory, counting on from the number this import
        last gave the same name: many organisations of one name would otherwise
        each search the names of all the directory's pages."""
        base = _slug_base(text)
        number = self.slug_numbers.get(base)
        if number is None:
            slug = _free_slug(self.index, text)
        else:
            siblings = self.index.get_children()
            slug = next(
                candidate
                for candidate in (f"{base}-{n}" for n in itertools.count(number + 1))
                if not siblings.filter(slug=candidate).exists()
            )
        if slug != base:  # only names given twice are remembered
            if len(self.slug_numbers) >= SLUG_MEMORY:
                self.slug_numbers.clear()
            self.slug_numbers[base] = int(slug.rsplit("-", 1)[1])
        return slug

    def _existing(self, model, known, hsds_id):
        if hsds_id in known:
            # Used once: a later record with this id (after this one changed or
            # failed) asks the database.
            return known.pop(hsds_id)
        return model.objects.filter(hsds_id=hsds_id, locale=self.locale).first()

    def import_one(self, item, path):
        pending = {}
        if not isinstance(item, dict):
            self.report.problem(f"{path}: expected a service object")
        elif _savepoint(path, self.report, lambda: self._apply(item, path, pending)):
            # Only now: a rolled-back record's new organisation no longer exists.
            for org_id, organisation in pending.items():
                self.organisations[org_id] = organisation
                self.organisations.move_to_end(org_id)
            while len(self.organisations) > ORGANISATION_CACHE_SIZE:
                self.organisations.popitem(last=False)

    def _apply(self, item, path, pending):
        report = self.report
        service_id = UUID(str(item["id"]))
        service = self._existing(ServicePage, self.known_services, service_id)
        created = service is None
        if created:
            service = _new_page(ServicePage(hsds_id=service_id, locale=self.locale))
            before = None
        else:
            before = _service_state(service, _current_children(service))
        _fill_service(service, item)
        problems_before = report.problem_count
        _check_service(service, path, report)
        children = self._children(item, path)
        if report.problem_count > problems_before:
            raise _RecordInvalid()
        organisation = self._organisation(item, pending)
        # Whatever happens next, the organisation has a page below it after this
        # record (a service moved there counts too).
        childless = organisation.__dict__.pop("_childless", False)
        moved = not created and service.get_parent().pk != organisation.pk
        if (
            not created
            and not moved
            and service.live
            and before == _service_state(service, children)
        ):
            report.note("unchanged", f"service {service.title}")
            return
        if created:
            service.slug = _free_slug(
                organisation,
                item.get("x_slug") or item["name"],
                # An organisation made a moment ago has no pages to collide with.
                childless=childless,
            )
            _add_child(organisation, service)
        else:
            if moved:
                service.move(organisation, pos="last-child")
                service.refresh_from_db(fields=["path", "depth", "url_path"])
            service.full_clean()
        _replace_children(service, children, created)
        _publish(service)
        report.note("created" if created else "updated", f"service {service.title}")
        if not created:
            for translation in _translations(service):
                if _follow_source(translation, service, children):
                    _publish(translation, validated=False)

    def _organisation(self, item, pending):
        data = item.get("organization") or {}
        org_id = UUID(str(item.get("organization_id") or data["id"]))
        organisation = self.organisations.get(org_id) or pending.get(org_id)
        if organisation is not None:
            return organisation
        organisation = self._existing(
            OrganisationPage, self.known_organisations, org_id
        )
        if organisation is None:
            if not data.get("name"):
                raise ValidationError(
                    {"organization": f"unknown organisation {org_id} and no nested one"}
                )
            organisation = _new_page(
                OrganisationPage(
                    hsds_id=org_id,
                    title=data["name"],
                    slug=self._organisation_slug(data.get("x_slug") or data["name"]),
                    locale=self.locale,
                )
            )
            _fill_organisation(organisation, data, item)
            _add_child(self.index, organisation)
            organisation._childless = True
            # Its editor group comes with it (`directory.signals`).
            _publish(organisation, created=True)
            self.report.note("created", f"organisation {organisation.title}")
        elif data:
            before = _state(organisation, ORGANISATION_FIELDS)
            _fill_organisation(organisation, data, item)
            if before != _state(organisation, ORGANISATION_FIELDS):
                organisation.full_clean()
                _publish(organisation)
                self.report.note("updated", f"organisation {organisation.title}")
        pending[org_id] = organisation
        return organisation

    def _children(self, item, path):
        report = self.report
        builders = {
            "phones": _phone,
            "schedules": _schedule,
            "service_at_locations": _location,
            "service_areas": _area,
            "languages": _language,
            "attributes": self._attribute,
        }
        found = []
        for hsds_name, _related_name, _model in CHILDREN:
            objects = []
            entries = item.get(hsds_name) or []
            if not isinstance(entries, list):
                report.problem(f"{path}.{hsds_name}: expected a list")
                entries = []
            for position, entry in enumerate(entries):
                child_path = f"{path}.{hsds_name}[{position}]"
                try:
                    child = builders[hsds_name](entry)
                    # The term was found above: no query per attribute to check it.
                    child.full_clean(exclude=["service", "taxonomy_term"])
                    objects.append(child)
                except ValidationError as exc:
                    for problem in _describe(child_path, exc):
                        report.problem(problem)
                except _BAD_VALUE as exc:
                    report.problem(f"{child_path}: missing or invalid ({exc})")
            found.append(objects)
        return found

    def _attribute(self, entry):
        term_id = entry.get("taxonomy_term_id") or entry["taxonomy_term"]["id"]
        term = self.terms.get(str(term_id))
        if term is None:
            raise ValidationError(
                {
                    "taxonomy_term_id": f"unknown taxonomy term {term_id}; import the "
                    "taxonomy file first"
                }
            )
        return ServiceAttribute(hsds_id=UUID(str(entry["id"])), taxonomy_term=term)


def _fill_service(service, item):
    for hsds_name, model_name in TRANSLATED_FIELDS.items():
        setattr(service, model_name, item.get(hsds_name) or "")
    service.website = item.get("url") or ""
    service.email = item.get("email") or ""
    service.status = item.get("status") or ServicePage.Status.ACTIVE
    service.minimum_age = item.get("minimum_age")
    service.maximum_age = item.get("maximum_age")
    service.assured_date = _date(item.get("assured_date"), "assured_date")
    service.is_example_data = bool(item.get("x_example_data"))
    service.open_on_public_holidays = _is_round_the_clock(item)


# Page fields that the page tree and Wagtail fill in, not the document.
_TREE_FIELDS = [f.name for f in Page._meta.fields if f.name != "title"] + ["page_ptr"]


def _check_service(service, path, report):
    """Every rule on the service's own fields, before anything is written."""
    errors = {}
    for check in (service.validate_details, lambda: service.clean_fields(_TREE_FIELDS)):
        try:
            check()
        except ValidationError as exc:
            for name, messages in exc.message_dict.items():
                errors.setdefault(name, [])
                errors[name] += [m for m in messages if m not in errors[name]]
    for problem in _describe(path, ValidationError(errors)) if errors else []:
        report.problem(problem)


def _state(instance, names):
    return tuple(getattr(instance, name) for name in names)


def _part_fields(model):
    skip = {"id", "service", "sort_order"}
    return [f.attname for f in model._meta.concrete_fields if f.name not in skip]


def _parts_state(children):
    return tuple(
        tuple(_state(child, _part_fields(model)) for child in objects)
        for (_hsds, _name, model), objects in zip(CHILDREN, children, strict=True)
    )


def _service_state(service, children):
    return _state(service, SERVICE_FIELDS), _parts_state(children)


def _current_children(service):
    return [
        list(model.objects.filter(service=service).order_by("sort_order", "pk"))
        for _hsds, _name, model in CHILDREN
    ]


def _replace_children(service, children, created):
    """Write the parts in one INSERT per kind, and hand them to the page in memory
    so that its revision is made without reading them back."""
    for (_hsds, related_name, model), objects in zip(CHILDREN, children, strict=True):
        if not created:
            model.objects.filter(service=service).delete()
        for position, child in enumerate(objects):
            child.service = service
            child.sort_order = position
        model.objects.bulk_create(objects)
        setattr(service, related_name, objects)
    service._written_parts = list(
        dict.fromkeys(
            [
                *getattr(service, "_written_parts", ()),
                *(name for _hsds, name, _model in CHILDREN),
            ]
        )
    )


def _translations(service):
    return (
        ServicePage.objects.live()
        .filter(translation_key=service.translation_key)
        .exclude(locale=service.locale)
    )


def _follow_source(translation, source, children):
    """Give a translation its source's phones, hours, places, terms and other
    untranslated details (a Norwegian update must not leave an old phone number
    on the English page). True if anything changed; the caller publishes."""
    current = _current_children(translation)
    if _state(translation, SHARED_FIELDS) == _state(source, SHARED_FIELDS) and (
        _parts_state(current) == _parts_state(children)
    ):
        return False
    for name in SHARED_FIELDS:
        setattr(translation, name, getattr(source, name))
    copies = [
        [
            type(child)(
                **{
                    f.attname: getattr(child, f.attname)
                    for f in child._meta.concrete_fields
                    if f.name not in ("id", "service")
                }
            )
            for child in objects
        ]
        for objects in children
    ]
    _replace_children(translation, copies, created=False)
    return True


def _fill_organisation(organisation, data, item):
    organisation.title = data.get("name") or organisation.title
    organisation.description = data.get("description") or ""
    organisation.email = data.get("email") or ""
    organisation.website = data.get("website") or ""
    organisation.review_contact_email = organisation.email
    organisation.is_example_data = bool(item.get("x_example_data"))


def _slug_base(text):
    return slugify(text)[:200] or "tjeneste"


def _free_slug(parent, text, childless=False):
    base = _slug_base(text)
    if childless:
        return base
    siblings = parent.get_children()
    # The first few candidates by name: the slug index answers at once, where a
    # prefix search reads every page below the parent (in the directory, every
    # organisation and service: the import would slow down as it grows).
    candidates = [base] + [f"{base}-{n}" for n in range(2, SLUG_CANDIDATES + 1)]
    taken = set(siblings.filter(slug__in=candidates).values_list("slug", flat=True))
    for slug in candidates:
        if slug not in taken:
            return slug
    taken = set(siblings.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def _date(value, name):
    if not value:
        raise ValidationError({name: "this field is required"})
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError as exc:
        raise ValidationError({name: f"{value!r} is not a date (YYYY-MM-DD)"}) from exc


def _time(value):
    return dt.time.fromisoformat(str(value)[:5])


def _is_round_the_clock(item):
    return any(
        isinstance(s, dict)
        and str(s.get("byday", "")).count(",") == 6
        and str(s.get("opens_at", ""))[:5] == "00:00"
        and str(s.get("closes_at", ""))[:5] in ("23:59", "00:00")
        for s in item.get("schedules") or []
    )


class _RecordInvalid(ValidationError):
    """Problems already reported with their paths; stop this record quietly."""

    def __init__(self):
        super().__init__([])


def _phone(entry):
    return Phone(
        hsds_id=UUID(str(entry["id"])),
        number=entry["number"],
        type=entry.get("type") or "voice",
        description=entry.get("description") or "",
        languages=",".join(lang["code"] for lang in entry.get("languages") or []),
    )


def _schedule(entry):
    opens, closes = _time(entry["opens_at"]), _time(entry["closes_at"])
    return Schedule(
        hsds_id=UUID(str(entry["id"])),
        freq=entry.get("freq") or "WEEKLY",
        interval=entry.get("interval") or 1,
        dtstart=dt.date.fromisoformat(entry["dtstart"][:10])
        if entry.get("dtstart")
        else None,
        byday=entry.get("byday") or "",
        opens_at=opens,
        closes_at=closes,
        runs_past_midnight=closes < opens,
        description=entry.get("description") or "",
    )


def _location(entry):
    location = entry["location"]
    address = (location.get("addresses") or [{}])[0]
    accessibility = " ".join(
        a.get("description", "") for a in location.get("accessibility") or []
    ).strip()
    kind = location.get("location_type") or "physical"
    if kind == "physical" and address.get("address_type") == "postal":
        kind = "postal"
    return Location(
        hsds_id=UUID(str(location["id"])),
        service_at_location_id=UUID(str(entry["id"])),
        address_id=UUID(str(address["id"])) if address.get("id") else None,
        location_type=kind,
        name=location.get("name") or "",
        description=location.get("description") or "",
        address_1=address.get("address_1") or "",
        postal_code=address.get("postal_code") or "",
        city=address.get("city") or "",
        municipality=address.get("region") or "",
        latitude=_coordinate(location.get("latitude"), "latitude"),
        longitude=_coordinate(location.get("longitude"), "longitude"),
        accessibility=accessibility,
        wheelchair_accessible=accessibility.lower().startswith("trinnfri"),
        confidential=bool(location.get("x_confidential")),
    )


def _coordinate(value, name):
    if value is None or value == "":
        return None
    try:
        return Decimal(str(value)).quantize(Decimal("0.000001"))
    except decimal.InvalidOperation as exc:
        raise ValidationError({name: f"{value!r} is not a number"}) from exc


def _area(entry):
    # `description` names districts ("Bydelene Fana og Ytrebygda"): keep it over
    # `extent`, which mostly repeats the name ("Bergen kommune").
    return ServiceArea(
        hsds_id=UUID(str(entry["id"])),
        name=entry["name"],
        description=entry.get("description") or entry.get("extent") or "",
    )


def _language(entry):
    return ServiceLanguage(hsds_id=UUID(str(entry["id"])), code=entry["code"])


# --- Translations ---------------------------------------------------------------


def _import_translation(item, path, locale, report):
    if not isinstance(item, dict):
        report.problem(f"{path}: expected a service object")
        return

    def apply():
        source = ServicePage.objects.filter(
            hsds_id=UUID(str(item["id"])), locale__language_code=settings.LANGUAGE_CODE
        ).first()
        if source is None:
            raise ValidationError(
                f"no service with id {item['id']}; import the Norwegian set first"
            )
        translation = source.get_translation_or_none(locale)
        created = translation is None
        if created:
            translation = source.copy_for_translation(locale, copy_parents=True)
            _publish_ancestors(translation)
        translation = translation.specific
        names = list(TRANSLATED_FIELDS.values())
        before = _state(translation, names)
        for hsds_name, model_name in TRANSLATED_FIELDS.items():
            if item.get(hsds_name):
                setattr(translation, model_name, item[hsds_name])
        line = f"{locale.language_code} translation of {source.title}"
        followed = _follow_source(translation, source, _current_children(source))
        if (
            not created
            and not followed
            and translation.live
            and before == _state(translation, names)
        ):
            report.note("unchanged", line)
            return
        translation.full_clean()
        _publish(translation)
        report.note("created" if created else "updated", line)

    _savepoint(path, report, apply)


def _publish_ancestors(page):
    for ancestor in page.get_ancestors().filter(depth__gt=1).specific():
        if not ancestor.live:
            ancestor.save_revision().publish()
