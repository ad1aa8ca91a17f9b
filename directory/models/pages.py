"""Directory pages: the directory index, partner organisations and their services.

Services are Wagtail pages so that revisions, preview, scheduling, moderation
workflows, per-organisation permissions and the audit log all apply.
"""

import datetime as dt
import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.models import Page
from wagtail.search import index

from directory import opening_hours
from directory.areas import COUNTY, NATIONAL
from directory.confidentiality import public_location
from directory.models.taxonomy import TaxonomyTerm
from portal import shell_cache


class DirectoryIndexPage(Page):
    """The root of the directory; partner organisations live below it."""

    intro = models.TextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["portal.HomePage"]
    subpage_types = ["directory.OrganisationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory")


class OrganisationPage(Page):
    """A partner organisation (HSDS `organization`); its editors own its services."""

    hsds_id = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    description = models.TextField(blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    review_contact_email = models.EmailField(
        blank=True,
        help_text=_(
            "Who is reminded when this organisation's services are due for review."
        ),
    )
    is_example_data = models.BooleanField(default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("website")]),
        FieldPanel("review_contact_email"),
        FieldPanel("is_example_data"),
    ]
    parent_page_types = ["directory.DirectoryIndexPage"]
    # The organisation's own pages live below it, next to its services, so that its
    # editor group's permissions on this page cover both (directory/permissions.py).
    subpage_types = ["directory.ServicePage", "portal.GuidancePage"]

    class Meta:
        verbose_name = _("organisation")

    def listed_services(self):
        return [
            service
            for service in ServicePage.objects.child_of(self).live().order_by("title")
            if service.is_listed
        ]

    def guidance_pages(self):
        from portal.models import GuidancePage

        return GuidancePage.objects.child_of(self).live().order_by("path")


class ServicePage(Page):
    """A help service (HSDS `service`): what it is, for whom, when, how to reach it."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
        INACTIVE = "inactive", _("Inactive")

    hsds_id = models.UUIDField(default=uuid.uuid4, db_index=True, editable=False)
    alternate_name = models.CharField(max_length=255, blank=True)
    description = models.TextField()
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.ACTIVE, db_index=True
    )
    alert = models.TextField(
        blank=True, help_text=_("Shown at the top of the page, e.g. why it is closed.")
    )
    website = models.URLField(blank=True)
    email = models.EmailField(blank=True)
    eligibility_description = models.TextField(
        blank=True, verbose_name=_("who it is for")
    )
    minimum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    maximum_age = models.PositiveSmallIntegerField(null=True, blank=True)
    fees_description = models.TextField(blank=True, verbose_name=_("fees"))
    application_process = models.TextField(
        blank=True, verbose_name=_("how to get help")
    )
    interpretation_services = models.TextField(blank=True)
    open_on_public_holidays = models.BooleanField(
        default=False,
        help_text=_(
            "Leave unticked if the service closes on Norwegian public holidays."
        ),
    )
    assured_date = models.DateField(
        verbose_name=_("last verified"),
        help_text=_("The day someone checked that every detail on this page is right."),
    )
    review_interval_days = models.PositiveSmallIntegerField(
        default=180, help_text=_("How often the details must be checked again.")
    )
    is_example_data = models.BooleanField(default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("alternate_name"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("status"), FieldPanel("is_example_data")]),
        FieldPanel("alert"),
        InlinePanel("attributes", heading=_("Categories, audiences and features")),
    ]
    contact_panels = [
        InlinePanel("phones", heading=_("Phones")),
        FieldRowPanel([FieldPanel("website"), FieldPanel("email")]),
        InlinePanel("locations", heading=_("Locations")),
        InlinePanel("service_areas", heading=_("Where the service is offered")),
        InlinePanel("languages", heading=_("Languages offered")),
    ]
    hours_panels = [
        InlinePanel("schedules", heading=_("Opening hours")),
        FieldPanel("open_on_public_holidays"),
        InlinePanel("closures", heading=_("Closed days")),
    ]
    details_panels = [
        FieldPanel("eligibility_description"),
        FieldRowPanel([FieldPanel("minimum_age"), FieldPanel("maximum_age")]),
        FieldPanel("fees_description"),
        FieldPanel("application_process"),
        FieldPanel("interpretation_services"),
        MultiFieldPanel(
            [FieldPanel("assured_date"), FieldPanel("review_interval_days")],
            heading=_("Verification"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Service")),
            ObjectList(contact_panels, heading=_("Contact and place")),
            ObjectList(hours_panels, heading=_("Opening hours")),
            ObjectList(details_panels, heading=_("Details")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("alternate_name"),
        index.SearchField("description"),
        index.FilterField("status"),
    ]
    parent_page_types = ["directory.OrganisationPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")

    def clean(self):
        super().clean()
        self.validate_details()

    def validate_details(self):
        """The service's own rules, which need no place in the page tree."""
        errors = {}
        if (
            self.minimum_age is not None
            and self.maximum_age is not None
            and self.maximum_age < self.minimum_age
        ):
            errors["maximum_age"] = _("The maximum age is below the minimum age.")
        if self.assured_date and self.assured_date > timezone.localdate():
            errors["assured_date"] = _("The verification date cannot be in the future.")
        if errors:
            raise ValidationError(errors)

    # --- What the public sees -------------------------------------------------

    @property
    def organisation(self):
        return self.get_parent().specific

    @cached_property
    def organisation_title(self):
        """The organisation's name: its page's title, without reading the specific
        page (and without any query when routing has already read the parent)."""
        return self.get_parent().title

    @property
    def is_listed(self):
        """Inactive and temporarily closed services drop out of lists and search."""
        return self.status == self.Status.ACTIVE

    @cached_property
    def weekly_hours(self):
        return [
            opening_hours.hours_from_rule(
                freq=s.freq,
                interval=s.interval,
                dtstart=s.dtstart,
                byday=s.byday,
                opens_at=s.opens_at,
                closes_at=s.closes_at,
            )
            for s in self.schedules.all()
        ]

    @property
    def is_round_the_clock(self):
        return opening_hours.is_round_the_clock(self.weekly_hours)

    def is_open_at(self, moment):
        return opening_hours.is_open(
            self.weekly_hours,
            moment,
            closed_days=frozenset(c.date for c in self.closures.all()),
            open_on_holidays=self.open_on_public_holidays,
        )

    def is_open_now(self):
        return self.is_open_at(timezone.now())

    @property
    def review_due_date(self):
        return self.assured_date + dt.timedelta(days=self.review_interval_days)

    @property
    def is_due_for_review(self):
        return self.review_due_date <= timezone.localdate()

    def terms(self, taxonomy):
        localized = self.__dict__.get("_localized_terms")
        if localized is None:
            localized = [
                (a.taxonomy_term.taxonomy, a.taxonomy_term.localized)
                for a in self.attributes.all()
            ]
        return [term for kind, term in localized if kind == taxonomy]

    @property
    def categories(self):
        return self.terms(TaxonomyTerm.Taxonomy.CATEGORY)

    @property
    def audiences(self):
        return self.terms(TaxonomyTerm.Taxonomy.AUDIENCE)

    @property
    def features(self):
        return self.terms(TaxonomyTerm.Taxonomy.FEATURE)

    @property
    def public_locations(self):
        return [public_location(location) for location in self.locations.all()]

    def alternatives(self, limit=5):
        """Active services in one of this service's categories that cover one of its
        areas: where to go when this one is closed."""
        categories = [
            a.taxonomy_term.translation_key
            for a in self.attributes.all()
            if a.taxonomy_term.taxonomy == TaxonomyTerm.Taxonomy.CATEGORY
        ]
        areas = {area.name for area in self.service_areas.all()}
        covering = set(areas) | {COUNTY, NATIONAL}
        return (
            ServicePage.objects.live()
            .filter(locale=self.locale, status=self.Status.ACTIVE)
            .filter(attributes__taxonomy_term__translation_key__in=categories)
            .filter(service_areas__name__in=covering)
            .exclude(pk=self.pk)
            .distinct()
            .order_by("title")[:limit]
        )

    def get_view_restrictions(self):
        # Checked before every request is served: from the shared cache until a
        # restriction or a page changes (portal/shell_cache.py).
        return shell_cache.view_restrictions(self, super().get_view_restrictions)

    def get_context(self, request, *args, **kwargs):
        # Everything the page lists, read once: the template asks for some of these
        # more than once, and each term for its name in the visitor's language. Not
        # in a preview, whose unsaved rows live on the page object itself.
        if not getattr(request, "is_preview", False):
            self.use_page_parts(
                shell_cache.cached(
                    "service-page-parts",
                    (
                        self.pk,
                        self.live_revision_id,
                        self.last_published_at,
                        get_language(),
                    ),
                    self.read_page_parts,
                )
            )
        context = super().get_context(request, *args, **kwargs)
        if not self.is_listed:
            context["alternatives"] = self.alternatives()
        context["is_open_now"] = self.is_open_now()
        return context

    def read_page_parts(self):
        """What the page shows besides its own fields: its inline parts (one query
        each), its terms in the visitor's language and its organisation's name. The
        same for every visitor of one language until the page is published again,
        so kept in the shared cache under the page's live revision (and, as every
        entry there, until anything public changes: a term renamed, the
        organisation published). Whether it is open now is worked out from these
        on every request."""
        models.prefetch_related_objects(
            [self], *PAGE_PARTS[:-1], "attributes__taxonomy_term"
        )
        return {
            "parts": detached_parts(self, PAGE_PARTS),
            "terms": [
                (a.taxonomy_term.taxonomy, a.taxonomy_term.localized)
                for a in self.attributes.all()
            ],
            "organisation_title": self.organisation_title,
        }

    def use_page_parts(self, found):
        """Show ``found`` (``read_page_parts``) on this page object: its parts as
        modelcluster's in-memory relations, as a preview holds them."""
        attach_parts(self, found["parts"])
        self._localized_terms = found["terms"]
        self.organisation_title = found["organisation_title"]


# What a card for a service shows besides its own fields (guidance pages).
CARD_PARTS = ("phones", "schedules", "closures")

# A service page's inline parts, as the page shows them.
PAGE_PARTS = (
    "phones",
    "schedules",
    "closures",
    "languages",
    "service_areas",
    "locations",
    "attributes",
)


def detached_parts(page, names):
    """The page's inline parts ``names`` as lists, without the back-reference to the
    page (so that a cached copy does not hold the page again)."""
    found = {}
    for name in names:
        objects = list(getattr(page, name).all())
        for obj in objects:
            obj._state.fields_cache.pop("service", None)
        found[name] = objects
    return found


def attach_parts(page, parts):
    """Hand ``parts`` (``detached_parts``) to the page as modelcluster's in-memory
    relations: ``page.phones.all()`` and the rest then read them, not the database."""
    related = page.__dict__.setdefault("_cluster_related_objects", {})
    for name, objects in parts.items():
        for obj in objects:
            obj._state.fields_cache["service"] = page
        related[name] = objects
