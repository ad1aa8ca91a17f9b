"""Add Django's own public-page messages to our catalogues where Django has none.

Django ships no translations for Somali (so), Tigrinya (ti) or Northern Sami (se),
so the form and pagination messages a visitor can see (a required field in "report
an error", a bad page number) would appear in English. This script puts those msgids,
with draft translations, into locale/<lang>/LC_MESSAGES/django.po. Django's Urdu
catalogue lacks a few of them, so those are filled in for ur as well.

`makemessages --no-obsolete` drops entries it does not find in the project's
sources, so run this after every makemessages run:

    .venv/bin/python locale/add_django_core_strings.py

It is idempotent: entries are added or updated in place, never duplicated.
Standard library and polib only. The msgids must match Django's exactly
(django/conf/locale/en/LC_MESSAGES/django.po).
"""

from pathlib import Path

import polib

LOCALE_DIR = Path(__file__).resolve().parent
DRAFT_COMMENT = "draft: machine-drafted, not reviewed by a native speaker"
SOURCE_COMMENT = (
    "Django core string, kept here because Django has no catalogue for this "
    "language; re-added by locale/add_django_core_strings.py after makemessages."
)

REQUIRED = "This field is required."
INVALID = "Enter a valid value."
INVALID_CHOICE = "Select a valid choice. %(value)s is not one of the available choices."
MAX_LENGTH = (
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d)."
)
MAX_LENGTH_PLURAL = (
    "Ensure this value has at most %(limit_value)d characters (it has %(show_value)d)."
)
PAGE_NOT_INTEGER = "That page number is not an integer"
PAGE_LESS_THAN_ONE = "That page number is less than 1"
PAGE_EMPTY = "That page contains no results"
WHOLE_NUMBER = "Enter a whole number."
NUMBER = "Enter a number."

# Plural msgids: msgid -> msgid_plural.
PLURALS = {MAX_LENGTH: MAX_LENGTH_PLURAL}

# msgid -> {language: msgstr, or a list of plural forms in the order of that
# catalogue's Plural-Forms header}.
TRANSLATIONS = {
    REQUIRED: {
        "so": "Meeshan waa in la buuxiyaa.",
        "ti": "እዚ ቦታ ክምላእ ኣለዎ።",
        "se": "Dát gieddi ferte deavdit.",
    },
    INVALID: {
        "so": "Geli qiime sax ah.",
        "ti": "ቅኑዕ ትሕዝቶ ኣእትዉ።",
        "se": "Čále gustovaš árvvu.",
    },
    INVALID_CHOICE: {
        "so": "Dooro doorasho sax ah. %(value)s kama mid aha doorashooyinka "
        "la heli karo.",
        "ti": "ቅኑዕ ምርጫ ምረጹ። %(value)s ካብቶም ዘለዉ ምርጫታት ሓደ ኣይኮነን።",
        "se": "Vállje gustovaš molssaeavttu. %(value)s ii leat okta dain "
        "molssaeavttuin mat gávdnojit.",
    },
    MAX_LENGTH: {
        # so, ti, ur: nplurals=2; se: nplurals=3 (1 | 2 | other).
        "so": [
            "Hubi in qiimahan uu leeyahay ugu badnaan %(limit_value)d xaraf "
            "(wuxuu leeyahay %(show_value)d).",
            "Hubi in qiimahan uu leeyahay ugu badnaan %(limit_value)d xaraf "
            "(wuxuu leeyahay %(show_value)d).",
        ],
        "ti": [
            "እዚ ትሕዝቶ ብዝበዝሐ %(limit_value)d ፊደል ክህልዎ ኣለዎ (%(show_value)d ኣለዎ)።",
            "እዚ ትሕዝቶ ብዝበዝሐ %(limit_value)d ፊደላት ክህልዎ ኣለዎ (%(show_value)d ኣለዎ)።",
        ],
        "se": [
            "Árvvus sáhttá leat eanemusat %(limit_value)d mearka (das leat "
            "%(show_value)d).",
            "Árvvus sáhttet leat eanemusat %(limit_value)d mearkka (das leat "
            "%(show_value)d).",
            "Árvvus sáhttet leat eanemusat %(limit_value)d mearkka (das leat "
            "%(show_value)d).",
        ],
        "ur": [
            "یقینی بنائیں کہ اس میں زیادہ سے زیادہ %(limit_value)d حرف ہو (اس "
            "میں %(show_value)d ہیں)۔",
            "یقینی بنائیں کہ اس میں زیادہ سے زیادہ %(limit_value)d حروف ہوں (اس "
            "میں %(show_value)d ہیں)۔",
        ],
    },
    PAGE_NOT_INTEGER: {
        "so": "Lambarka boggaasi ma aha tiro dhan",
        "ti": "እቲ ቁጽሪ ገጽ ምሉእ ቁጽሪ ኣይኮነን",
        "se": "Siidonummar ii leat ollislohku",
        "ur": "صفحہ نمبر مکمل عدد نہیں ہے",
    },
    PAGE_LESS_THAN_ONE: {
        "so": "Lambarka boggaasi wuu ka yar yahay 1",
        "ti": "እቲ ቁጽሪ ገጽ ካብ 1 ይንእስ",
        "se": "Siidonummar lea unnit go 1",
        "ur": "صفحہ نمبر 1 سے کم ہے",
    },
    PAGE_EMPTY: {
        "so": "Boggaasi natiijo kuma jirto",
        "ti": "እቲ ገጽ ዝኾነ ውጽኢት የብሉን",
        "se": "Dán siiddus eai leat bohtosat",
        "ur": "اس صفحے پر کوئی نتیجہ نہیں",
    },
    WHOLE_NUMBER: {
        "so": "Geli tiro dhan.",
        "ti": "ምሉእ ቁጽሪ ኣእትዉ።",
        "se": "Čále ollislogu.",
    },
    NUMBER: {
        "so": "Geli tiro.",
        "ti": "ቁጽሪ ኣእትዉ።",
        "se": "Čále logu.",
    },
}

LANGUAGES = ("so", "ti", "se", "ur")


def set_translation(entry, translation):
    if isinstance(translation, list):
        entry.msgstr_plural = dict(enumerate(translation))
    else:
        entry.msgstr = translation


def update_catalogue(language):
    """Add or update this language's Django core entries; return how many changed."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    catalogue = polib.pofile(str(path), wrapwidth=79)
    changed = 0
    for msgid, translations in TRANSLATIONS.items():
        if language not in translations:
            continue
        entry = catalogue.find(msgid)
        if entry is None:
            entry = polib.POEntry(msgid=msgid)
            if msgid in PLURALS:
                entry.msgid_plural = PLURALS[msgid]
            catalogue.append(entry)
        before = str(entry)
        set_translation(entry, translations[language])
        entry.tcomment = DRAFT_COMMENT
        entry.comment = SOURCE_COMMENT
        if "%(" in msgid and "python-format" not in entry.flags:
            entry.flags.append("python-format")
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = entry.previous_msgid_plural = None
        if str(entry) != before:
            changed += 1
    if changed:
        catalogue.save(str(path))
    return changed


def main():
    for language in LANGUAGES:
        changed = update_catalogue(language)
        print(
            f"{language}: {changed} Django core entr{'y' if changed == 1 else 'ies'} "
            "added or updated"
        )


if __name__ == "__main__":
    main()
