"""What every public page's shell needs: languages and emergency numbers."""

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.languages import AUTONYMS

EMERGENCY_NUMBERS = [
    ("112", _("Police")),
    ("113", _("Ambulance")),
    ("110", _("Fire")),
    ("116 111", _("Helpline for children and young people")),
]


def site_shell(request):
    language = get_language() or settings.LANGUAGE_CODE
    return {
        "emergency_numbers": EMERGENCY_NUMBERS,
        "language_autonyms": AUTONYMS,
        "text_direction": "rtl" if language in settings.RTL_LANGUAGES else "ltr",
    }
