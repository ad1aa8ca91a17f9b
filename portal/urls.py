"""URLs: the admin outside the language prefix, every public page inside it."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from portal import call_sheet_views, safety_views, views

urlpatterns = [
    path("healthz", views.health, name="health"),
    path("api/search/", include("search.urls")),
    path("api/hsds/", include("directory.api_urls")),
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("sok/", views.find_help, name="find_help"),
    path("rask-utgang/", safety_views.quick_exit_help, name="quick_exit_help"),
    path(
        "ringeliste/<str:municipality>/",
        call_sheet_views.call_sheet_page,
        name="call_sheet",
    ),
    path(
        "ringeliste/<str:municipality>.pdf",
        call_sheet_views.call_sheet_pdf,
        name="call_sheet_pdf",
    ),
    path("", include("directory.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"
