"""Which translations have fallen behind their Norwegian source, for editors."""

from dataclasses import dataclass

from wagtail_localize.models import Translation


@dataclass
class OutdatedTranslation:
    translation: Translation
    source: object
    target: object | None
    reason: str


def outdated_translations():
    """Translations whose source changed after it was last synced, or that still
    have untranslated text."""
    found = []
    translations = Translation.objects.filter(enabled=True).select_related(
        "source", "target_locale"
    )
    for translation in translations:
        source = translation.source.get_source_instance()
        try:
            target = translation.get_target_instance()
        except Exception:  # not created yet: wagtail-localize creates it on save
            target = None
        changed_at = getattr(source, "last_published_at", None)
        if changed_at and changed_at > translation.source.last_updated_at:
            reason = "source changed"
        else:
            total, done = translation.get_progress()
            if done >= total:
                continue
            reason = "untranslated text"
        found.append(OutdatedTranslation(translation, source, target, reason))
    return found
