"""Search in the admin: situation phrases as snippets, and a read-only report of
searches that found nothing (counts only, never who searched)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import ZERO_HIT_RETENTION_DAYS, SituationPhrase, ZeroHitQuery


class SituationPhraseViewSet(SnippetViewSet):
    model = SituationPhrase
    icon = "search"
    menu_label = _("Situation phrases")
    list_display = ["phrase", "language", "categories", "audiences", "is_draft"]
    list_filter = ["language", "is_draft"]
    search_fields = ["phrase"]
    ordering = ["language", "phrase"]


register_snippet(SituationPhraseViewSet)


class ZeroHitReportView(ReportView):
    page_title = _("Searches without results")
    header_icon = "search"
    index_url_name = "search_zero_hits"
    index_results_url_name = "search_zero_hits_results"
    permission_policy = ModelPermissionPolicy(ZeroHitQuery)
    permission_required = "view"
    columns = [
        Column("query", label=_("Search text")),
        Column("language", label=_("Language")),
        Column("day", label=_("Day")),
        Column("count", label=_("Searches")),
    ]
    list_export = ["query", "language", "day", "count"]

    def get_queryset(self):
        return ZeroHitQuery.objects.order_by("-day", "-count", "query")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["retention_days"] = ZERO_HIT_RETENTION_DAYS
        return context

    def get_filename(self):
        return "searches-without-results"


@hooks.register("register_admin_urls")
def zero_hit_report_urls():
    return [
        path(
            "reports/searches-without-results/",
            ZeroHitReportView.as_view(),
            name="search_zero_hits",
        ),
        path(
            "reports/searches-without-results/results/",
            ZeroHitReportView.as_view(results_only=True),
            name="search_zero_hits_results",
        ),
    ]


class ZeroHitMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("portal_search.view_zerohitquery")


@hooks.register("register_reports_menu_item")
def zero_hit_report_menu_item():
    return ZeroHitMenuItem(
        _("Searches without results"),
        reverse("search_zero_hits"),
        name="searches-without-results",
        icon_name="search",
        order=1200,
    )
