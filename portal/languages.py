"""The portal's thirteen languages, with the facts Django lacks for some of them."""

from django.conf.locale import LANG_INFO

# (code, name in English, name in its own script, right-to-left)
PORTAL_LANGUAGES = [
    ("nb", "Norwegian Bokmål", "norsk bokmål", False),
    ("nn", "Norwegian Nynorsk", "norsk nynorsk", False),
    ("en", "English", "English", False),
    ("pl", "Polish", "polski", False),
    ("uk", "Ukrainian", "українська", False),
    ("lt", "Lithuanian", "lietuvių", False),
    ("ar", "Arabic", "العربية", True),
    ("so", "Somali", "Soomaali", False),
    ("ti", "Tigrinya", "ትግርኛ", False),
    ("fa", "Persian", "فارسی", True),
    ("ur", "Urdu", "اردو", True),
    ("tr", "Turkish", "Türkçe", False),
    ("se", "Northern Sami", "davvisámegiella", False),
]

LANGUAGES = [(code, name) for code, name, _, _ in PORTAL_LANGUAGES]
RTL_LANGUAGES = {code for code, _, _, rtl in PORTAL_LANGUAGES if rtl}
AUTONYMS = {code: autonym for code, _, autonym, _ in PORTAL_LANGUAGES}

# Other languages a service may offer whose own names Django does not know.
OTHER_AUTONYMS = {"ku": ("Kurdî", False), "prs": ("دری", True), "am": ("አማርኛ", False)}


def own_name(code):
    """(a language's name in its own script, right-to-left), or None if unknown."""
    if code in AUTONYMS:
        return AUTONYMS[code], code in RTL_LANGUAGES
    if code in OTHER_AUTONYMS:
        return OTHER_AUTONYMS[code]
    info = LANG_INFO.get(code)
    return (info["name_local"], bool(info.get("bidi"))) if info else None


def register_language_info():
    """Teach Django the languages its LANG_INFO lacks (Somali, Tigrinya, Sami)."""
    for code, name, autonym, rtl in PORTAL_LANGUAGES:
        LANG_INFO.setdefault(
            code, {"bidi": rtl, "code": code, "name": name, "name_local": autonym}
        )
