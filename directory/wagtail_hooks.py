"""Admin additions: taxonomy snippets and the "Due for review" dashboard panel."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
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


class ErrorReportPermissionPolicy(ModelPermissionPolicy):
    """Model permissions say what an editor may do with error reports at all; the
    page tree says which ones: only reports about services they may edit."""

    def _reports_services_editable_by(self, user, reports):
        if user.is_superuser:
            return reports
        editable = [
            report.pk
            for report in reports.select_related("service")
            if report.service.permissions_for_user(user).can_edit()
        ]
        return reports.filter(pk__in=editable)

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and (
            user.is_superuser or instance.service.permissions_for_user(user).can_edit()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        reports = super().instances_user_has_any_permission_for(user, actions)
        return self._reports_services_editable_by(user, reports)


error_report_policy = ErrorReportPermissionPolicy(ErrorReport)
register_permission_policy(ErrorReport, error_report_policy)


class OwnReportsOnly:
    """Opening a report by its address is refused unless it is about a service the
    editor may edit (Wagtail's generic views check only the model permission)."""

    def get_object(self, *args, **kwargs):
        report = super().get_object(*args, **kwargs)
        if not error_report_policy.user_has_any_permission_for_instance(
            self.request.user, ["change", "view"], report
        ):
            raise PermissionDenied
        return report


class ErrorReportEditView(OwnReportsOnly, snippet_views.EditView):
    pass


class ErrorReportHistoryView(OwnReportsOnly, snippet_views.HistoryView):
    pass


class ErrorReportUsageView(OwnReportsOnly, snippet_views.UsageView):
    pass


class ErrorReportViewSet(SnippetViewSet):
    """Editors see the reports about services they may edit, and nothing else."""

    model = ErrorReport
    icon = "warning"
    menu_label = _("Error reports")
    list_display = ["service", "problem", "received_on", "resolved"]
    list_filter = ["resolved", "problem"]
    add_to_admin_menu = True
    edit_view_class = ErrorReportEditView
    history_view_class = ErrorReportHistoryView
    usage_view_class = ErrorReportUsageView
    # What the visitor wrote stays as written: editors only mark it resolved.
    panels = [
        FieldPanel("service", read_only=True),
        FieldPanel("problem", read_only=True),
        FieldPanel("message", read_only=True),
        FieldPanel("received_on", read_only=True),
        FieldPanel("resolved"),
    ]

    def get_queryset(self, request):
        return error_report_policy.instances_user_has_any_permission_for(
            request.user, ["view", "change"]
        ).select_related("service")


register_snippet(ErrorReportViewSet)


AUTOSAVE_WORKFLOW_FIELDS = (
    "action-workflow-action",
    "workflow-action-name",
    "workflow-action-extra-data",
)


@hooks.register("before_edit_page")
def autosave_never_performs_a_workflow_action(request, page):
    """Wagtail 8 autosaves the edit form in the background (a POST that accepts JSON).
    When a moderator clicks "Approve", Wagtail's script first puts the action into
    hidden fields of that form, so an autosave in that moment approved a second time,
    racing the real submit: a 500 for the moderator and a stray draft over the page
    just published. An autosave only saves; the click performs the action."""
    if (
        request.method == "POST"
        and "application/json" in request.headers.get("Accept", "")
        and "action-workflow-action" in request.POST
    ):
        data = request.POST.copy()
        for name in AUTOSAVE_WORKFLOW_FIELDS:
            data.pop(name, None)
        request.POST = data
