"""Wagtail hooks of the site shell: the out-of-date translations report, and the
Norwegian fallback for pages not translated yet (portal/translations.py)."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import request_cache, shell_cache
from portal.translations import (
    outdated_translations,
    published_translation,
    rendering_for,
)


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


@hooks.register("before_serve_page")
def redirect_to_translation(page, request, serve_args, serve_kwargs):
    """A Norwegian page reached under another language's prefix (the Norwegian
    fallback) moves to that language's own translation once one is published."""
    language = get_language()
    if language == settings.LANGUAGE_CODE:
        return None
    if request_cache.page_language(page) == language or serve_args or serve_kwargs:
        return None

    def translation_url():
        translation = published_translation(page, language)
        return None if translation is None else translation.get_url(request=request)

    # Asked on every page a visitor of another language reads: kept in the shared
    # cache until the next publish (portal/shell_cache.py).
    url = shell_cache.cached(
        "translation-url",
        (page.pk, language, request.scheme, request.get_host()),
        translation_url,
    )
    if not url or url == request.path:
        return None
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


@hooks.register("on_serve_page")
def render_links_in_visitor_language(next_serve_page):
    """Render public pages while links to Norwegian pages keep the visitor's
    language (portal.translations.keep_links_in_visitor_language)."""

    def serve(page, request, serve_args, serve_kwargs):
        with rendering_for(get_language()):
            response = next_serve_page(page, request, serve_args, serve_kwargs)
            if callable(getattr(response, "render", None)):
                response.render()  # links are made while rendering
        return response

    return serve
