"""Public views of the directory that are not pages: reporting an error."""

from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from directory import error_reports
from directory.models import ServicePage


def is_cross_site(request):
    """Whether a form post comes from another site. Public pages send no referrer, so
    a browser posting from the portal itself says "Origin: null"; Sec-Fetch-Site still
    tells the portal's own pages from another site's (or a sandboxed frame's)."""
    if request.headers.get("Sec-Fetch-Site", "same-origin") not in (
        "same-origin",
        "none",
    ):
        return True
    origin = request.headers.get("Origin")
    return bool(
        origin
        and origin != "null"
        and not url_has_allowed_host_and_scheme(
            origin + "/", allowed_hosts={request.get_host()}
        )
    )


@csrf_exempt  # No cookie may be set for visitors, so no CSRF token: Origin is checked.
@require_http_methods(["GET", "POST"])
def report_error(request, service_id):
    service = get_object_or_404(ServicePage.objects.live(), pk=service_id)
    form = error_reports.ErrorReportForm(request.POST or None)
    context = {"page": service, "form": form}
    if request.method == "POST":
        if is_cross_site(request):
            return HttpResponseBadRequest("Cross-site form posts are refused.")
        if not error_reports.allowed(request, service):
            context["rate_limited"] = True
            return TemplateResponse(
                request, "directory/report_error.html", context, status=429
            )
        if form.is_valid():
            error_reports.receive(service, form)
            return redirect(reverse("directory:error_reported", args=[service.pk]))
    return TemplateResponse(request, "directory/report_error.html", context)


def error_reported(request, service_id):
    service = get_object_or_404(ServicePage.objects.live(), pk=service_id)
    return TemplateResponse(
        request, "directory/report_error.html", {"page": service, "thanks": True}
    )
