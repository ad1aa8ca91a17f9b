"""Small views of the site shell: health check and error pages."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader


def health(request):
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered without a request context: the failure may be in a context processor.
    template = loader.get_template("500.html")
    return HttpResponse(template.render(), status=500)
