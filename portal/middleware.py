"""Security headers the portal adds to every response: CSP by area, Permissions-Policy.

A visitor may be watched by the person hurting them, so a public page must not run
script injected into it, must not be framed by another site and must not reach any
other host. The admin is the one place that needs inline script and style.
"""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


def is_admin_path(path):
    return path.startswith(tuple(settings.PORTAL_ADMIN_URL_PREFIXES))


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
        return response
