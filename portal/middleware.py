"""Security headers the portal adds to every response: CSP by area, Permissions-Policy.

A visitor may be watched by the person hurting them, so a public page must not run
script injected into it, must not be framed by another site and must not reach any
other host. The admin is the one place that needs inline script and style.
"""

from csp.constants import SELF
from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.PORTAL_ADMIN_URL_PREFIXES))


def is_admin_preview(request):
    """Wagtail renders a preview by sending a stand-in request for the page's public
    address through the middleware (Page.make_preview_request); the admin frames it."""
    return getattr(request, "is_dummy", False)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin prefixes.

    Public pages get CONTENT_SECURITY_POLICY (strict: nothing inline, nothing from
    another host). Wagtail's admin renders inline script and style, so the admin gets
    PORTAL_ADMIN_CONTENT_SECURITY_POLICY instead of no policy at all.
    """

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        # A view's own @csp decorator (parts.config) still wins over the area default.
        if (
            not report_only
            and parts.config is None
            and is_admin_path(request.path_info)
        ):
            admin_policy = settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY
            parts.config = default_config(admin_policy["DIRECTIVES"])
        elif not report_only and parts.config is None and is_admin_preview(request):
            # The public policy, but the admin's preview panel may frame the page.
            directives = dict(settings.CONTENT_SECURITY_POLICY["DIRECTIVES"])
            directives["frame-ancestors"] = [SELF]
            parts.config = default_config(directives)
        return parts


class PermissionsPolicyMiddleware:
    """Switch off browser features the portal never uses (settings.PERMISSIONS_POLICY).

    A feature with an empty allow-list is off for the page and every frame in it;
    geolocation stays on for the portal itself, to sort services by distance when a
    visitor chooses to share where they are.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        # Other sites may not load the portal's files into their own pages, where
        # timing the load could hint that a visitor has been here.
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if is_admin_path(request.path_info):
            # Under "no-referrer" browsers send "Origin: null" with a form post, which
            # Django's CSRF check refuses: no editor could sign in. "same-origin" names
            # the portal to itself and still tells no other host anything.
            response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
