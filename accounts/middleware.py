"""Editors pass two-factor sign-in before any admin page (settings.PORTAL_REQUIRE_2FA).

Wagtail's and Django's admin check the password; this middleware then sends a
signed-in editor whose session is not yet verified to the verify page, or to the
set-up page if they have no authenticator yet. Public pages are never touched here,
so a visitor's request never reads the session.
"""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import Resolver404, resolve, reverse

from accounts import two_factor
from portal.middleware import is_admin_path

# What an editor may reach with only a password: sign in and out, the two-factor
# pages, and the admin's script catalogue and icons those pages load.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "accounts_two_factor_set_up",
    "accounts_two_factor_verify",
    "admin:login",
    "admin:logout",
}


class RequireTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.two_factor_redirect(request) or self.get_response(request)

    def two_factor_redirect(self, request):
        if not settings.PORTAL_REQUIRE_2FA or not is_admin_path(request.path_info):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        try:
            view_name = resolve(request.path_info).view_name
        except Resolver404:
            view_name = None
        if view_name in OPEN_VIEWS:
            return None
        step = (
            "accounts_two_factor_verify"
            if two_factor.has_device(user)
            else "accounts_two_factor_set_up"
        )
        return redirect_to_login(request.get_full_path(), reverse(step))
