"""Taxonomy terms (HSDS `taxonomy_term`): categories, audiences and features."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """One term in one language; its translations share `translation_key` and
    `hsds_id`."""

    class Taxonomy(models.TextChoices):
        CATEGORY = "category", _("Category")
        AUDIENCE = "audience", _("Audience")
        FEATURE = "feature", _("Feature")

    hsds_id = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    code = models.SlugField(
        max_length=80, help_text=_("Stable identifier, the same in every language.")
    )
    taxonomy = models.CharField(max_length=20, choices=Taxonomy.choices)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    synonyms = models.TextField(
        blank=True,
        help_text=_(
            "Words and phrases people type for this term, one per line, in this "
            "term's language. Multi-word phrases are matched as phrases."
        ),
    )

    panels = [
        FieldPanel("code"),
        FieldPanel("taxonomy"),
        FieldPanel("parent"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("synonyms"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("synonyms"),
        index.AutocompleteField("name"),
        index.FilterField("taxonomy"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["taxonomy", "name"]
        verbose_name = _("taxonomy term")
        constraints = [
            models.UniqueConstraint(
                fields=["code", "locale"], name="unique_term_code_per_locale"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_taxonomy_display().lower()})"

    @property
    def localized(self):
        """Wagtail's ``localized`` (this term in the visitor's language, else this
        term), with every term of that language read in one query per request."""
        from portal import request_cache

        if not request_cache.active():
            return super().localized
        locale_id = request_cache.active_locale_id()
        if locale_id is None or locale_id == self.locale_id:
            return self
        terms = request_cache.memoized(
            ("taxonomy-terms", locale_id),
            lambda: {
                term.translation_key: term
                for term in TaxonomyTerm.objects.filter(locale_id=locale_id)
            },
        )
        return terms.get(self.translation_key, self)

    @property
    def synonym_list(self):
        return [line.strip() for line in self.synonyms.splitlines() if line.strip()]
