"""The translation catalogues: what a person needs in a crisis is translated in every
language, nb/nn/en are complete, placeholders survive translation, Django's own form
and pagination messages exist for the languages Django has no catalogue for, drafts
are marked as drafts, and nothing is fuzzy (fuzzy entries are not compiled)."""

import gettext
import re
from pathlib import Path

import polib
import pytest
from django.core.management import call_command

from portal.languages import PORTAL_LANGUAGES

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE_FOLDERS = [ROOT / "locale", ROOT / "accounts" / "locale"]

LANGUAGES = [code for code, _name, _autonym, _rtl in PORTAL_LANGUAGES]
COMPLETE = ["nb", "nn", "en"]
NO_DJANGO_CATALOGUE = ["so", "ti", "se"]
DRAFT_COMMENT = "draft: machine-drafted, not reviewed by a native speaker"

CRISIS_MSGIDS = [
    # Quick exit, skip link, site name, language switcher
    "Leave this site quickly",
    "Skip to content",
    "Help in Vestland",
    "Language",
    # Emergency strip and footer
    "Emergency numbers",
    "Police",
    "Ambulance",
    "Fire",
    "Helpline for children and young people",
    "In immediate danger? Call 112.",
    "When to call 112",
    "Call",
    # Front page: reassurance and entry points
    "Violence is never your fault. You can get help, even if you are not sure it "
    "counts as violence.",
    "Where do you want to start?",
    "I need help",
    "I am worried about someone",
    "I work with children or families",
    "Kinds of help",
    # Search form, filters and results
    "Find help",
    "What do you need help with?",
    "For example: he hits me",
    "Search",
    "Filters",
    "Some of the choices could not be used:",
    "Municipality",
    "All of Vestland",
    "Kind of help",
    "For whom",
    "Practical",
    "Open now",
    "Closed now",
    "Open 24/7",
    "Free of charge",
    "You can be anonymous",
    "Show results",
    "%(counter)s result",
    "for “%(text)s”",
    "Also searched for:",
    "%(km)s km away",
    "Result pages",
    "Previous",
    "Next",
    "We found nothing for “%(text)s”",
    "You can still get help now:",
    "Mental Helse helpline",
    "Out-of-hours doctor",
    "Or look by kind of help",
    # Services and guidance pages
    "Who can help",
    "Who can help in %(municipality)s",
    "Show services for your municipality",
    "Show",
    "Contact",
    "Offered by %(organisation)s",
    "This service is no longer offered.",
    "This service is temporarily closed.",
    "These services can help instead:",
    "The address is kept secret for safety. The service is in %(municipality)s: "
    "call first.",
    "By phone or online.",
    "Last verified %(date)s by %(organisation)s.",
    "Example data",
    "this entry is made up for testing the portal. Do not use its contact details.",
    # Translation notices
    "This page is not translated into your language yet. You are reading the "
    "Norwegian text.",
    "Translation last updated %(date)s.",
    # 404
    "Page not found",
    "We could not find that page",
    "The address may be wrong, or the page has moved.",
    "Go to the front page",
    # Report an error
    "Report an error on this page",
    "Report an error",
    "About: %(service)s",
    "What is wrong?",
    "What should it say? (optional, do not write your name)",
    "The phone number is wrong",
    "The opening hours are wrong",
    "The address is wrong",
    "The service no longer exists",
    "Something else",
    "We do not ask who you are, and we do not store your address.",
    "Send",
    "Thank you. The organisation responsible for this service has been told.",
    "Back to the service",
    "We have received many reports just now. Please try again later.",
]

# Django's own messages a visitor can meet (forms, pagination); exact msgids from
# django/conf/locale/en/LC_MESSAGES/django.po.
DJANGO_CORE_MSGIDS = [
    "This field is required.",
    "Enter a valid value.",
    "Select a valid choice. %(value)s is not one of the available choices.",
    "Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",
    "That page number is not an integer",
    "That page number is less than 1",
    "That page contains no results",
    "Enter a whole number.",
    "Enter a number.",
]

PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[sdifr]")


def catalogue_paths(language):
    return [
        folder / language / "LC_MESSAGES" / "django.po"
        for folder in CATALOGUE_FOLDERS
        if (folder / language / "LC_MESSAGES" / "django.po").exists()
    ]


def site_catalogue(language):
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def all_entries(language):
    for path in catalogue_paths(language):
        for entry in polib.pofile(str(path)):
            if not entry.obsolete:
                yield path, entry


def translations(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def is_translated(entry):
    return all(translations(entry))


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text))


def label(entry):
    return entry.msgid[:60]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_crisis_text_is_translated(language):
    catalogue = site_catalogue(language)

    missing = [msgid for msgid in CRISIS_MSGIDS if catalogue.find(msgid) is None]
    untranslated = [
        msgid
        for msgid in CRISIS_MSGIDS
        if catalogue.find(msgid) is not None
        and not is_translated(catalogue.find(msgid))
    ]

    assert not missing, f"{language}: crisis msgids no longer in the catalogue"
    assert not untranslated, f"{language}: untranslated crisis texts"


@pytest.mark.parametrize("language", COMPLETE)
def test_nb_nn_and_en_are_complete(language):
    untranslated = [
        f"{path.relative_to(ROOT)}: {label(entry)}"
        for path, entry in all_entries(language)
        if not is_translated(entry)
    ]

    assert not untranslated


@pytest.mark.parametrize("language", LANGUAGES)
def test_placeholders_in_translations_match_the_msgid(language):
    wrong = []
    for path, entry in all_entries(language):
        if not is_translated(entry):
            continue
        if entry.msgid_plural:
            expected = set(placeholders(entry.msgid_plural))
            forms = [set(placeholders(form)) for form in translations(entry)]
            # A form for exactly one or two (Arabic "نتيجتان") may leave the
            # number out, but no form may add or misspell one.
            if any(not form <= expected for form in forms) or forms[-1] != expected:
                wrong.append(f"{path.relative_to(ROOT)}: {label(entry)}")
        elif placeholders(entry.msgstr) != placeholders(entry.msgid):
            wrong.append(f"{path.relative_to(ROOT)}: {label(entry)}")

    assert not wrong


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_forms_header_is_valid_and_every_plural_has_all_forms(language):
    catalogue = site_catalogue(language)
    header = catalogue.metadata.get("Plural-Forms", "")
    match = re.fullmatch(r"\s*nplurals=(\d+);\s*plural=(.+?);?\s*", header)

    assert match, f"{language}: no usable Plural-Forms header"
    nplurals = int(match.group(1))
    plural = gettext.c2py(match.group(2))
    assert {plural(n) for n in range(0, 1001)} <= set(range(nplurals))
    for _path, entry in all_entries(language):
        if entry.msgid_plural:
            assert sorted(entry.msgstr_plural) == list(range(nplurals)), label(entry)


@pytest.mark.parametrize(
    ("language", "count", "expected_form"),
    [
        ("nb", 1, 0),
        ("nb", 5, 1),
        ("pl", 1, 0),
        ("pl", 3, 1),
        ("pl", 5, 2),
        ("pl", 22, 1),
        ("uk", 21, 0),
        ("uk", 3, 1),
        ("uk", 11, 2),
        ("lt", 1, 0),
        ("lt", 2, 1),
        ("lt", 10, 3),
        ("ar", 0, 0),
        ("ar", 2, 2),
        ("ar", 5, 3),
        ("ar", 11, 4),
        ("ar", 100, 5),
        ("se", 1, 0),
        ("se", 2, 1),
        ("se", 3, 2),
        ("fa", 1, 0),
        ("fa", 2, 1),
    ],
)
def test_plural_formula_picks_the_grammatical_form(language, count, expected_form):
    header = site_catalogue(language).metadata["Plural-Forms"]
    plural = gettext.c2py(header.split("plural=", 1)[1].rstrip(" ;"))

    assert plural(count) == expected_form


@pytest.mark.parametrize("language", NO_DJANGO_CATALOGUE)
def test_django_core_form_and_pagination_messages_are_in_our_catalogue(language):
    catalogue = site_catalogue(language)

    for msgid in DJANGO_CORE_MSGIDS:
        entry = catalogue.find(msgid)
        assert entry is not None, f"{language}: {msgid} (run add_django_core_strings)"
        assert is_translated(entry), f"{language}: {msgid}"
    max_length = catalogue.find(DJANGO_CORE_MSGIDS[3])
    assert max_length.msgid_plural == (
        "Ensure this value has at most %(limit_value)d characters (it has "
        "%(show_value)d)."
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_is_fuzzy(language):
    for path in catalogue_paths(language):
        catalogue = polib.pofile(str(path))

        assert not catalogue.fuzzy_entries(), path.relative_to(ROOT)
        assert not catalogue.metadata_is_fuzzy, path.relative_to(ROOT)


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "nb"])
def test_translations_are_marked_as_drafts_until_reviewed(language):
    """Machine drafts say so (CONTENT.md); a reviewer replaces the marker with
    "# reviewed: <who>, <date>". A catalogue with drafts says so in its header."""
    unmarked = [
        f"{path.relative_to(ROOT)}: {label(entry)}"
        for path, entry in all_entries(language)
        if is_translated(entry)
        and not re.search(r"^(draft|reviewed):", entry.tcomment, re.MULTILINE)
    ]
    has_drafts = any(
        DRAFT_COMMENT in entry.tcomment for _path, entry in all_entries(language)
    )

    assert not unmarked
    if has_drafts:
        assert site_catalogue(language).metadata.get("X-Translation-Status") == "draft"


@pytest.fixture
def compiled_catalogues(settings):
    """Compile the .po files (as bin/test does) and make Django reload them:
    changing LOCALE_PATHS clears Django's translation caches."""
    call_command("compile_catalogues", verbosity=0)
    settings.LOCALE_PATHS = list(settings.LOCALE_PATHS)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "texts"),
    [
        ("pl", ["Szybko opuść tę stronę", "Policja", "Numery alarmowe"]),
        ("ar", ["غادر هذا الموقع بسرعة", "الشرطة", "أرقام الطوارئ"]),
        ("so", ["Si degdeg ah uga bax boggan", "Booliska", "Lambarada degdegga"]),
        ("se", ["Guođe siiddu johtilit", "Politiija", "Heahtenummarat"]),
    ],
)
def test_home_page_shows_translated_quick_exit_and_emergency_strip(
    client, home_page, compiled_catalogues, language, texts
):
    html = client.get(f"/{language}/").content.decode()

    for text in texts:
        assert text in html
    assert "Leave this site quickly" not in html
