"""The honest word about quick exit: what it does, what it does not do (it does not
erase the browser's history) and how to leave fewer traces."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.views.decorators.http import require_GET

BROWSE_SAFELY_SLUG = "bruk-nettsiden-trygt"


def browse_safely_page():
    """The "browse safely" guidance page in the visitor's language (Norwegian if it
    is not translated), or None if the site has none."""
    from portal.models import GuidancePage

    page = (
        GuidancePage.objects.live()
        .filter(slug=BROWSE_SAFELY_SLUG, locale__language_code=settings.LANGUAGE_CODE)
        .first()
    )
    return page.localized if page else None


@require_GET
def quick_exit_help(request):
    return TemplateResponse(
        request,
        "portal/quick_exit_help.html",
        {"browse_safely": browse_safely_page()},
    )
