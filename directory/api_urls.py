"""The open-data API's addresses, outside the language prefix: /api/hsds/..."""

from django.urls import re_path

from directory import api

app_name = "hsds"
urlpatterns = [
    re_path(r"^$", api.about, name="about"),
    re_path(r"^services/?$", api.services, name="services"),
    re_path(r"^services\.csv$", api.services_csv, name="services_csv"),
    re_path(r"^services/(?P<service_id>[^/]+)/?$", api.service, name="service"),
    re_path(r"^organizations/?$", api.organizations, name="organizations"),
    re_path(
        r"^organizations/(?P<organization_id>[^/]+)/?$",
        api.organization,
        name="organization",
    ),
    re_path(r"^taxonomies/?$", api.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/(?P<taxonomy_id>[^/]+)/?$", api.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_terms, name="taxonomy_terms"),
    re_path(
        r"^taxonomy_terms/(?P<term_id>[^/]+)/?$",
        api.taxonomy_term,
        name="taxonomy_term",
    ),
    re_path(r"", api.not_found),
]
