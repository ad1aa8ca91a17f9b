"""Small views of the site shell: health check, error pages and the search page."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from portal.find_help import find_help as find_help_context
from portal.translations import rendering_for


def health(request):
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the failure may be in a context processor.
    template = loader.get_template("500.html")
    return HttpResponse(template.render(), status=500)


@require_GET
def find_help(request):
    """Search the directory and guidance; works fully without JavaScript."""
    with rendering_for(get_language()):
        context = find_help_context(request.GET)
        status = 400 if "errors" in context else 200
        return render(request, "portal/find_help.html", context, status=status)
