"""Public directory URLs outside the page tree (inside the language prefix)."""

from django.urls import path

from directory import views

app_name = "directory"

urlpatterns = [
    path("meld-feil/<int:service_id>/", views.report_error, name="report_error"),
    path(
        "meld-feil/<int:service_id>/takk/", views.error_reported, name="error_reported"
    ),
]
