"""Search models: the database backend's index, the shared vocabulary, situation
phrases editors maintain, and anonymous counts of searches that found nothing."""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from portal.languages import LANGUAGES

ZERO_HIT_RETENTION_DAYS = 90


class IndexEntry(models.Model):
    """The database backend's copy of one SearchDocument.

    On SQLite an FTS5 table (portal_search_fts) mirrors the three token columns
    through triggers; on PostgreSQL a generated tsvector column with a GIN index
    does. Both are created by migration 0002, not declared here.
    """

    doc_id = models.CharField(max_length=120, unique=True)
    type = models.CharField(max_length=10)
    language = models.CharField(max_length=8, db_index=True)
    page_id = models.IntegerField(db_index=True)
    # One result per service or page: its translations share the key.
    group_key = models.CharField(max_length=64)
    sort_title = models.CharField(max_length=255)
    # "|category:crisis-shelter|municipality:Bergen|free:true|...|"
    facet_keys = models.TextField()
    latitude = models.FloatField(null=True)
    longitude = models.FloatField(null=True)
    # Opening rules as compact JSON ("" when the service has no hours).
    opening = models.TextField(blank=True)
    title_tokens = models.TextField(blank=True)
    text_tokens = models.TextField(blank=True)
    term_tokens = models.TextField(blank=True)
    document = models.JSONField()

    class Meta:
        verbose_name = _("search index entry")
        verbose_name_plural = _("search index entries")

    def __str__(self):
        return self.doc_id


class LexiconEntry(models.Model):
    """The words one indexed document adds to the vocabulary (typo correction,
    compound parts). Kept by search.indexing for every backend."""

    doc_id = models.CharField(max_length=120, unique=True)
    page_id = models.IntegerField(db_index=True)
    language = models.CharField(max_length=8, db_index=True)
    words = models.TextField()

    def __str__(self):
        return self.doc_id


class IndexState(models.Model):
    """A token that changes whenever the index, the taxonomy or the situation
    phrases change, so that every process knows when to reload its vocabulary."""

    key = models.CharField(max_length=20, primary_key=True)
    generation = models.CharField(max_length=32)

    def __str__(self):
        return f"{self.key}: {self.generation}"

    @classmethod
    def current(cls):
        # Read on every search: plain SQL, no ORM query building.
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT generation FROM {cls._meta.db_table} WHERE key = %s",  # noqa: S608
                ["index"],
            )
            row = cursor.fetchone()
        return row[0] if row else "none"

    @classmethod
    def bump(cls):
        cls.objects.update_or_create(
            key="index", defaults={"generation": uuid.uuid4().hex}
        )


class SituationPhrase(models.Model):
    """What people write about what happens to them, and the help that fits.

    "han slår meg" (he hits me) leads to crisis help for people exposed to
    violence; "jeg slår partneren min" (I hit my partner) to help for people who
    use violence. Phrases match whole, in order, with inflected forms.
    """

    language = models.CharField(max_length=8, choices=LANGUAGES, db_index=True)
    phrase = models.CharField(
        max_length=200,
        help_text=_(
            "Words as a person would write them, e.g. “han slår meg”. Write who "
            "does what: “jeg slår” (I hit) and “han slår meg” (he hits me) are "
            "different situations."
        ),
    )
    categories = models.CharField(
        max_length=255,
        help_text=_(
            "Category codes, most important first, separated by commas, e.g. "
            "domestic-violence, crisis-shelter, police."
        ),
    )
    audiences = models.CharField(
        max_length=255,
        blank=True,
        help_text=_(
            "Optional audience codes separated by commas, e.g. for-victims or "
            "for-perpetrators. Services for another audience rank lower."
        ),
    )
    is_draft = models.BooleanField(
        default=False,
        verbose_name=_("draft translation"),
        help_text=_("Written without a native speaker: review before relying on it."),
    )

    panels = [
        FieldPanel("language"),
        FieldPanel("phrase"),
        FieldPanel("categories"),
        FieldPanel("audiences"),
        FieldPanel("is_draft"),
    ]

    class Meta:
        ordering = ["language", "phrase"]
        verbose_name = _("situation phrase")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "phrase"], name="unique_situation_phrase"
            )
        ]

    def __str__(self):
        return f"{self.phrase} ({self.language})"

    @staticmethod
    def split_codes(value):
        return [code.strip() for code in value.split(",") if code.strip()]

    @property
    def category_codes(self):
        return self.split_codes(self.categories)

    @property
    def audience_codes(self):
        return self.split_codes(self.audiences)

    def clean(self):
        super().clean()
        from directory.models import TaxonomyTerm

        errors = {}
        for name, taxonomy in (("categories", "category"), ("audiences", "audience")):
            codes = self.split_codes(getattr(self, name))
            known = set(
                TaxonomyTerm.objects.filter(
                    code__in=codes, taxonomy=taxonomy
                ).values_list("code", flat=True)
            )
            unknown = [code for code in codes if code not in known]
            if unknown:
                errors[name] = _("Unknown %(taxonomy)s codes: %(codes)s") % {
                    "taxonomy": taxonomy,
                    "codes": ", ".join(unknown),
                }
        if not self.category_codes:
            errors.setdefault("categories", _("Give at least one category code."))
        if errors:
            raise ValidationError(errors)


class ZeroHitQuery(models.Model):
    """How often a search found nothing, per normalised text, language and day.

    Never with an address, session, user or time of day: only counts, kept for
    ZERO_HIT_RETENTION_DAYS days so editors can see what content is missing.
    """

    query = models.CharField(max_length=100)
    language = models.CharField(max_length=8)
    day = models.DateField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-day", "-count"]
        verbose_name = _("search without results")
        verbose_name_plural = _("searches without results")
        constraints = [
            models.UniqueConstraint(
                fields=["query", "language", "day"], name="unique_zero_hit_per_day"
            )
        ]

    def __str__(self):
        return f"{self.query} ({self.language}, {self.day}): {self.count}"

    @classmethod
    def prune(cls, today=None):
        today = today or timezone.localdate()
        cutoff = today - dt.timedelta(days=ZERO_HIT_RETENTION_DAYS)
        return cls.objects.filter(day__lt=cutoff).delete()[0]
