"""Public directory URLs outside the page tree (inside the language prefix)."""

from django.urls import path, register_converter

from directory import views


class PageId:
    """A page's id: digits that fit the database's integer (at most 18: a longer
    number in an address is no page, 404, rather than an error in the database)."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(PageId, "page_id")

app_name = "directory"

urlpatterns = [
    path("meld-feil/<page_id:service_id>/", views.report_error, name="report_error"),
    path(
        "meld-feil/<page_id:service_id>/takk/",
        views.error_reported,
        name="error_reported",
    ),
]
