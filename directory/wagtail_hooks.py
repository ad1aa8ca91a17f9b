"""Admin additions: taxonomy snippets and the "Due for review" dashboard panel."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from directory.models import ErrorReport, TaxonomyTerm
from directory.review import overdue_services


class TaxonomyTermViewSet(SnippetViewSet):
    model = TaxonomyTerm
    icon = "tag"
    menu_label = _("Taxonomy")
    list_display = ["name", "code", "taxonomy", "locale"]
    list_filter = ["taxonomy", "locale"]
    search_fields = ["name", "code", "synonyms"]


register_snippet(TaxonomyTermViewSet)


class DueForReviewPanel(Component):
    name = "due_for_review"
    order = 50
    template_name = "directory/admin/due_for_review_panel.html"

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        services = [
            service
            for service in overdue_services()
            if service.permissions_for_user(self.user).can_edit()
        ]
        return {"services": services[:50], "total": len(services)}


@hooks.register("construct_homepage_panels")
def add_due_for_review_panel(request, panels):
    panels.append(DueForReviewPanel(request.user))


class ErrorReportViewSet(SnippetViewSet):
    """Editors see the reports about services they may edit, and nothing else."""

    model = ErrorReport
    icon = "warning"
    menu_label = _("Error reports")
    list_display = ["service", "problem", "received_on", "resolved"]
    list_filter = ["resolved", "problem"]
    add_to_admin_menu = True

    def get_queryset(self, request):
        reports = ErrorReport.objects.select_related("service")
        if request.user.is_superuser:
            return reports
        editable = [
            report.pk
            for report in reports
            if report.service.permissions_for_user(request.user).can_edit()
        ]
        return reports.filter(pk__in=editable)


register_snippet(ErrorReportViewSet)
