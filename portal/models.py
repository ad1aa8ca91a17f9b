"""Page types and site settings of the portal's shell."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.blocks import BaseStreamBlock

DEFAULT_QUICK_EXIT_URL = "https://www.yr.no/"


class HomePage(Page):
    """The front door: emergency numbers, search and the ways into help."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")


class GuidancePage(Page):
    """Plain-language guidance: what to do, what happens next, who can help."""

    summary = models.TextField(
        blank=True, help_text=_("One or two sentences shown in lists and search.")
    )
    body = StreamField(BaseStreamBlock(), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("summary"), FieldPanel("body")]
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
