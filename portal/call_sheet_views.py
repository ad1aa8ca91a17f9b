"""The call sheet's two addresses: a printable page and the same sheet as a PDF."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.text import slugify
from django.views.decorators.http import require_GET
from wagtail.models import Site

from directory.areas import VESTLAND_MUNICIPALITIES
from portal import call_sheet


def _sheet_or_404(request, municipality):
    name = call_sheet.find_municipality(municipality)
    if name is None:
        context = {"asked": municipality, "municipalities": VESTLAND_MUNICIPALITIES}
        return None, render(
            request, "portal/call_sheet_unknown.html", context, status=404
        )
    return call_sheet.build(Site.find_for_request(request), name), None


@require_GET
def call_sheet_page(request, municipality):
    sheet, not_found = _sheet_or_404(request, municipality)
    if not_found:
        return not_found
    return render(request, "portal/call_sheet.html", {"sheet": sheet})


@require_GET
def call_sheet_pdf(request, municipality):
    sheet, not_found = _sheet_or_404(request, municipality)
    if not_found:
        return not_found
    page_url = request.build_absolute_uri(
        reverse("call_sheet", args=[sheet.municipality])
    )
    response = HttpResponse(
        call_sheet.render_pdf(sheet, page_url), content_type="application/pdf"
    )
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True,
        filename=f"ringeliste-{slugify(sheet.municipality, allow_unicode=True)}.pdf",
    )
    return response
