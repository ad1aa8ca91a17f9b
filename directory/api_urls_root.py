"""The API's addresses alone, as a URL configuration without language prefixes
(see `directory.api._without_language_redirect`)."""

from django.urls import include, path

urlpatterns = [path("api/hsds/", include("directory.api_urls"))]
