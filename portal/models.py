"""Page types and site settings of the portal's shell."""

from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import request_cache, shell_cache
from portal.blocks import BaseStreamBlock
from portal.translations import keep_links_in_visitor_language, route_with_fallback

DEFAULT_QUICK_EXIT_URL = "https://www.yr.no/"

# Links to Norwegian pages on a page rendered for a visitor of another language stay
# under that language's prefix (portal/translations.py).
keep_links_in_visitor_language()
# Locale look-ups (Wagtail's routing and ``.localized`` make several per page) are read
# once per public request (portal/request_cache.py).
request_cache.memoize_locale_lookups()
# And the site a public request is for, from the shared cache (portal/shell_cache.py).
shell_cache.cache_site_lookups()

ENTRY_POINTS = ("need_help_page", "worried_page", "professional_page")


class HomePage(Page):
    """The front door: emergency numbers, search and the ways into help."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])
    need_help_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where “I need help” leads (default: the search page)."),
    )
    worried_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where “I am worried about someone” leads."),
    )
    professional_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where “I work with children or families” leads."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("need_help_page"),
                FieldPanel("worried_page"),
                FieldPanel("professional_page"),
            ],
            heading=_("Entry points"),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        # Every public address is routed from a home page: a page the visitor's
        # language lacks is found in the Norwegian tree (portal/translations.py).
        return route_with_fallback(self, request, path_components)

    @property
    def localized(self):
        # Every request is routed from the home page in the visitor's language
        # (Wagtail's ``site.root_page.localized``): from the shared cache.
        return shell_cache.localized(self, lambda: super(HomePage, self).localized)

    def get_view_restrictions(self):
        # Checked before every request is served: from the shared cache until a
        # restriction or a page changes (portal/shell_cache.py).
        return shell_cache.view_restrictions(self, super().get_view_restrictions)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Where the entry points lead and the kinds of help, in the visitor's
        # language: the same for every visitor, so kept in the shared cache (one
        # entry) until the next publish or term change.
        context.update(
            shell_cache.cached(
                "home",
                (self.pk, get_language(), request.scheme, request.get_host()),
                lambda: self._shell_context(request),
            )
        )
        return context

    def _shell_context(self, request):
        """The entry points' addresses (their pages live, in the visitor's language
        where translated: two queries for all three) and the top-level categories
        with their search links (the visitor's names where they exist, else
        Norwegian: one query)."""
        from directory.models import TaxonomyTerm

        ids = {name: getattr(self, f"{name}_id") for name in ENTRY_POINTS}
        live = Page.objects.filter(pk__in=[pk for pk in ids.values() if pk])
        found = {page.pk: page for page in live.filter(live=True)}
        localized = dict(
            zip(found, request_cache.localized_pages(found.values()), strict=True)
        )
        search_url = reverse("find_help")
        context = {
            f"{name.removesuffix('_page')}_url": (
                localized[pk].get_url(request=request) if pk in localized else None
            )
            for name, pk in ids.items()
        }
        terms = TaxonomyTerm.objects.filter(
            taxonomy=TaxonomyTerm.Taxonomy.CATEGORY,
            parent__isnull=True,
            locale__language_code="nb",
        ).order_by("name")
        context["search_url"] = search_url
        # As HTML, made once per generation: two dozen links cost more as template
        # variables than the rest of the page's own part.
        context["category_links"] = format_html_join(
            "",
            '<li><a href="{}?{}">{}</a></li>',
            (
                (search_url, urlencode({"category": term.code}), term.name)
                for term in (term.localized for term in terms)
            ),
        )
        return context


class GuidancePageTopic(TaggedItemBase):
    content_object = ParentalKey(
        "portal.GuidancePage", on_delete=models.CASCADE, related_name="tagged_topics"
    )


class GuidancePage(Page):
    """Plain-language guidance: what to do, what happens next, who can help."""

    summary = models.TextField(
        blank=True, help_text=_("One or two sentences shown in lists and search.")
    )
    body = StreamField(BaseStreamBlock(), blank=True)
    for_families = models.BooleanField(default=False, verbose_name=_("families"))
    for_children_and_youth = models.BooleanField(
        default=False, verbose_name=_("children and young people")
    )
    for_professionals = models.BooleanField(
        default=False, verbose_name=_("professionals")
    )
    topics = ClusterTaggableManager(through=GuidancePageTopic, blank=True)
    related_categories = ParentalManyToManyField(
        "directory.TaxonomyTerm",
        blank=True,
        limit_choices_to={"taxonomy": "category"},
        related_name="+",
        help_text=_("The page ends with services of these kinds."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("for_families"),
                FieldPanel("for_children_and_youth"),
                FieldPanel("for_professionals"),
                FieldPanel("topics"),
            ],
            heading=_("Who it is for"),
        ),
        FieldPanel("related_categories", widget=forms.CheckboxSelectMultiple),
    ]

    def get_view_restrictions(self):
        # Checked before every request is served: from the shared cache until a
        # restriction or a page changes (portal/shell_cache.py).
        return shell_cache.view_restrictions(self, super().get_view_restrictions)

    def get_context(self, request, *args, **kwargs):
        from directory.areas import VESTLAND_MUNICIPALITIES

        context = super().get_context(request, *args, **kwargs)
        municipality = request.GET.get("kommune", "")
        if municipality not in VESTLAND_MUNICIPALITIES:
            municipality = ""
        context["municipality"] = municipality
        context["municipalities"] = VESTLAND_MUNICIPALITIES
        limit = 12 if municipality else 3
        if getattr(request, "is_preview", False):
            # The unsaved page's own categories and subpages, read afresh.
            listed = self.listed_parts(municipality, limit)
        else:
            listed = shell_cache.cached(
                "guidance-page",
                (
                    self.pk,
                    self.live_revision_id,
                    self.last_published_at,
                    get_language(),
                    municipality,
                    limit,
                ),
                lambda: self.listed_parts(municipality, limit),
            )
        from directory.models.pages import attach_parts

        for service in listed["services"]:
            attach_parts(service, service.card_parts)
        context.update(listed)
        # The cards' "open now", worked out at every request: the lists are kept
        # as HTML for each combination (templates/portal/guidance_page.html).
        context["open_states"] = tuple(
            service.is_open_now() for service in listed["services"]
        )
        return context

    def listed_parts(self, municipality, limit):
        """What the page lists besides its own text: the services that can help
        (``related_services``, with what their cards show), whether it has service
        categories at all (for the municipality picker) and its live subpages.

        The same for every visitor of one language until this page is published
        again (its live revision is in the shared cache's key) or anything public
        changes (the cache's generation: a service or subpage published,
        unpublished or moved, an organisation renamed). Whether each service is
        open now is worked out from its hours on every request."""
        from directory.models.pages import CARD_PARTS, detached_parts
        from portal.translations import text_language

        keys = self.related_category_keys()
        services = self.related_services(municipality or None, limit, keys=keys)
        for service in services:
            service.card_parts = detached_parts(service, CARD_PARTS)
            service.__dict__.pop("_prefetched_objects_cache", None)
        children = list(self.get_children().live())
        for child in children:
            text_language(child)  # kept with the page object
        return {
            "services": services,
            "has_related_categories": bool(keys),
            "children": children,
        }

    def related_category_keys(self):
        return [term.translation_key for term in self.related_categories.all()]

    def related_services(self, municipality=None, limit=3, keys=None):
        """Listed services of the page's categories: national and county-wide first,
        because they help wherever the reader lives; only those covering the
        municipality when one is chosen."""
        from django.db.models import Exists, OuterRef

        from directory.areas import COUNTY, NATIONAL, areas_covering
        from directory.models import ServicePage
        from directory.models.pages import CARD_PARTS
        from directory.models.service_parts import ServiceArea

        if keys is None:
            keys = self.related_category_keys()
        if not keys:
            return []
        services = (
            ServicePage.objects.live()
            .filter(locale__language_code=settings.LANGUAGE_CODE, status="active")
            .filter(attributes__taxonomy_term__translation_key__in=keys)
        )
        if municipality:
            services = services.filter(
                service_areas__name__in=areas_covering(municipality)
            )
        # Ranked on three columns of every matching service; only the services shown
        # are then read whole, with their phones.
        wide = ServiceArea.objects.filter(
            service=OuterRef("pk"), name__in=[NATIONAL, COUNTY]
        )
        rows = (
            services.annotate(wide=Exists(wide))
            .values_list("pk", "wide", "title")
            .distinct()
        )
        shown = [
            pk for pk, _wide, _title in sorted(rows, key=lambda r: (not r[1], r[2]))
        ]
        shown = shown[:limit]
        # A card tells what a service page tells first: open now or round the
        # clock, the phones, and when and by whom it was last verified.
        parts = list(CARD_PARTS)
        found = ServicePage.objects.filter(pk__in=shown).select_related("locale")
        by_pk = {service.pk: service for service in found.prefetch_related(*parts)}
        ranked = [by_pk[pk] for pk in shown if pk in by_pk]
        services = request_cache.localized_pages(ranked[:limit], prefetch=parts)
        parent_paths = {s.path[: -ServicePage.steplen] for s in services}
        titles = dict(
            Page.objects.filter(path__in=parent_paths).values_list("path", "title")
        )
        for service in services:
            parent_path = service.path[: -ServicePage.steplen]
            service.organisation_title = titles.get(parent_path)
        return services

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("guidance page")


@register_setting(icon="warning")
class SafetySettings(BaseSiteSetting):
    """Where the quick-exit control sends a visitor."""

    quick_exit_url = models.URLField(
        default=DEFAULT_QUICK_EXIT_URL,
        help_text=_(
            "A neutral site the quick-exit control replaces the page with, "
            "such as a weather forecast."
        ),
    )

    panels = [FieldPanel("quick_exit_url")]

    class Meta:
        verbose_name = _("safety settings")
