"""Admin additions of the site shell: the out-of-date translations report."""

from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal.translations import outdated_translations


def outdated_translations_view(request):
    rows = [
        row
        for row in outdated_translations()
        if not hasattr(row.source, "permissions_for_user")
        or row.source.permissions_for_user(request.user).can_edit()
    ]
    return render(request, "portal/admin/outdated_translations.html", {"rows": rows})


@hooks.register("register_admin_urls")
def register_outdated_translations_url():
    return [
        path(
            "reports/outdated-translations/",
            outdated_translations_view,
            name="outdated_translations",
        )
    ]


@hooks.register("register_reports_menu_item")
def register_outdated_translations_menu_item():
    return MenuItem(
        _("Out-of-date translations"),
        reverse("outdated_translations"),
        icon_name="site",
    )
