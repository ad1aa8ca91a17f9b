"""Keeping the index in step with the site: analysis, the shared vocabulary,
backend writes, and the signal wiring (publish, unpublish, delete, move,
translation, taxonomy and situation changes).

The directory never imports search: search listens to the directory's signals.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import (
    copy_for_translation_done,
    page_published,
    page_unpublished,
    post_page_move,
)

from search import lexicon
from search.analysis import analyse_document, document_words
from search.backends.base import get_backend

logger = logging.getLogger(__name__)
_state = threading.local()


@contextlib.contextmanager
def paused():
    """Skip signal-driven indexing inside the block (bulk loads); rebuild after."""
    before = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = before


def is_paused() -> bool:
    return getattr(_state, "paused", False)


def _after_commit(backend, action):
    """Database backends write inside the site's transaction; others after it
    commits, so a rolled-back change never reaches them."""
    if backend.transactional:
        action()
    else:
        transaction.on_commit(action, robust=True)


def _remember_words(documents, gone_page_ids=(), gone_ids=()):
    from search.models import IndexState, LexiconEntry

    if gone_ids:
        LexiconEntry.objects.filter(doc_id__in=list(gone_ids)).delete()
    if gone_page_ids:
        LexiconEntry.objects.filter(page_id__in=list(gone_page_ids)).delete()
    if documents:
        LexiconEntry.objects.filter(doc_id__in=[d.id for d in documents]).delete()
        LexiconEntry.objects.bulk_create(
            [
                LexiconEntry(
                    doc_id=d.id,
                    page_id=d.page_id,
                    language=d.language,
                    words=" ".join(sorted(set(document_words(d)))),
                )
                for d in documents
            ],
            batch_size=500,
        )
    IndexState.bump()


def index_pages(pages) -> int:
    """Index these pages as they are now; pages that must not be listed (draft,
    unpublished, inactive, restricted) are removed."""
    from search.sources import (
        TermTexts,
        any_view_restrictions,
        build_document,
        document_ids_for,
    )

    terms = TermTexts()
    restrictions = any_view_restrictions()
    documents, gone = [], []
    for page in pages:
        document = build_document(page, terms, any_restrictions=restrictions)
        if document is None:
            gone.extend(document_ids_for(page))
        else:
            documents.append(document)
    vocabulary = lexicon.current_vocabulary(allow_stale=True)
    for document in documents:
        analyse_document(document, vocabulary)
    _remember_words(documents, gone_ids=gone)
    backend = get_backend()

    def write():
        if gone:
            backend.delete_documents(gone)
        if documents:
            backend.index_documents(documents)

    _after_commit(backend, write)
    return len(documents)


def remove_pages(page_ids) -> None:
    page_ids = list(page_ids)
    _remember_words([], gone_page_ids=page_ids)
    backend = get_backend()

    def write():
        for page_id in page_ids:
            backend.delete_page(page_id)

    _after_commit(backend, write)


def rebuild(backend=None) -> int:
    """Rebuild the whole index from the live pages."""
    from search.models import IndexState, LexiconEntry
    from search.sources import TermTexts, build_document, indexable_pages

    backend = backend or get_backend()
    # Before any page is read: writes made from now on reach the new index.
    prepared = backend.prepare_rebuild()
    try:
        terms = TermTexts()
        documents = [
            d for d in (build_document(p, terms) for p in indexable_pages()) if d
        ]
        with transaction.atomic():
            LexiconEntry.objects.all().delete()
            _remember_words(documents)
        lexicon.forget()
        vocabulary = lexicon.current_vocabulary()
        for document in documents:
            analyse_document(document, vocabulary)
    except BaseException:
        backend.abandon_rebuild(prepared)
        raise
    count = backend.rebuild(documents, prepared)
    IndexState.bump()
    return count


# --- Signals ------------------------------------------------------------------


def _indexed_kind(page):
    from directory.models import OrganisationPage, ServicePage
    from portal.models import GuidancePage

    page = page.specific
    if isinstance(page, ServicePage | GuidancePage):
        return "page"
    if isinstance(page, OrganisationPage):
        return "organisation"
    return None


def _with_descendants(page):
    """The page and its descendants that the index may hold."""
    from directory.models import ServicePage
    from portal.models import GuidancePage

    pages = [page]
    descendants = page.get_descendants().type(ServicePage, GuidancePage)
    pages.extend(descendants.specific())
    return pages


def on_published(sender, instance, **kwargs):
    if is_paused():
        return
    kind = _indexed_kind(instance)
    if kind == "page":
        index_pages([Page.objects.get(pk=instance.pk).specific])
    elif kind == "organisation":
        # The organisation's name is part of its services' documents.
        index_pages(_with_descendants(instance)[1:])


def on_unpublished(sender, instance, **kwargs):
    if is_paused() or _indexed_kind(instance) != "page":
        return
    remove_pages([instance.pk])


def on_deleted(sender, instance, **kwargs):
    if is_paused() or not isinstance(instance, Page):
        return
    remove_pages([instance.pk])


def on_moved(sender, instance, **kwargs):
    # New URLs for the page and everything below it.
    if not is_paused():
        index_pages(_with_descendants(Page.objects.get(pk=instance.pk).specific))


def on_translated(sender, source_obj, target_obj, **kwargs):
    if not is_paused() and isinstance(target_obj, Page) and target_obj.live:
        index_pages([target_obj.specific])


def on_term_changed(sender, instance, **kwargs):
    """Term names are in the documents; synonyms feed the query analyser."""
    from directory.models import ServicePage
    from search.models import IndexState

    if is_paused():
        return
    IndexState.bump()
    services = ServicePage.objects.live().filter(
        attributes__taxonomy_term__translation_key=instance.translation_key
    )
    if services.exists():
        index_pages(services.distinct().specific())


def on_situation_changed(sender, **kwargs):
    from search.models import IndexState

    IndexState.bump()


def on_promotion_changed(sender, **kwargs):
    """Search keeps the promoted texts per index generation (search.service)."""
    from search.models import IndexState

    IndexState.bump()


def connect():
    from wagtail.contrib.search_promotions.models import SearchPromotion

    from directory.models import TaxonomyTerm
    from search.models import SituationPhrase

    page_published.connect(on_published, dispatch_uid="search_published")
    page_unpublished.connect(on_unpublished, dispatch_uid="search_unpublished")
    post_delete.connect(on_deleted, dispatch_uid="search_page_deleted")
    post_page_move.connect(on_moved, dispatch_uid="search_moved")
    copy_for_translation_done.connect(on_translated, dispatch_uid="search_translated")
    post_save.connect(on_term_changed, sender=TaxonomyTerm, dispatch_uid="search_t1")
    post_delete.connect(on_term_changed, sender=TaxonomyTerm, dispatch_uid="search_t2")
    for signal in (post_save, post_delete):
        signal.connect(
            on_situation_changed,
            sender=SituationPhrase,
            dispatch_uid=f"search_situation_{id(signal)}",
        )
    post_save.connect(
        on_promotion_changed, sender=SearchPromotion, dispatch_uid="search_promo1"
    )
    post_delete.connect(
        on_promotion_changed, sender=SearchPromotion, dispatch_uid="search_promo2"
    )
