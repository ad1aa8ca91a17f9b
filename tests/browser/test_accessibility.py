"""The pages meet WCAG 2.1 A and AA as far as axe-core can tell, in a left-to-right and
a right-to-left language, and a keyboard reaches the safety controls first."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from portal.context_processors import EMERGENCY_NUMBERS
from tests.browser import chromium
from tests.browser.pages import GUIDANCE_PATHS, HOME_PATH, SEARCH_PATH, SERVICE_PATH

pytestmark = pytest.mark.browser

PAGES = {
    "home": HOME_PATH,
    "guidance-professionals": GUIDANCE_PATHS[0],
    "guidance-safety-plan": GUIDANCE_PATHS[1],
    "search-results": SEARCH_PATH,
    "service": SERVICE_PATH,
}


@pytest.mark.parametrize("language", ["nb", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_page_has_no_wcag_21_aa_violations(browser, portal, page, language):
    browser.get(portal.url(PAGES[page], language))

    violations = chromium.axe_violations(browser)

    assert violations == [], "\n" + chromium.describe_violations(violations)


# Beyond WCAG's letter: everything sits in a landmark (the quick exit too), and
# landmarks of one kind can be told apart.
LANDMARK_RULES = [
    "region",
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
]


@pytest.mark.parametrize("language", ["nb", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_every_part_of_the_page_is_in_a_landmark(browser, portal, page, language):
    browser.get(portal.url(PAGES[page], language))

    violations = chromium.axe_violations(browser, rules=LANDMARK_RULES)

    assert violations == [], "\n" + chromium.describe_violations(violations)


LANGUAGE_AND_DIRECTION = """
const element = document.querySelector(arguments[0]);
return [element.closest("[lang]").lang, getComputedStyle(element).direction];
"""


@pytest.mark.parametrize("page", ["home", "guidance-safety-plan", "service"])
def test_norwegian_text_on_an_arabic_page_is_marked_norwegian_left_to_right(
    browser, portal, page
):
    # The page is not translated yet: its own text is the Norwegian original, which
    # a screen reader must pronounce as Norwegian; the interface around it is Arabic.
    browser.get(portal.url(PAGES[page], "ar"))

    title = browser.execute_script(LANGUAGE_AND_DIRECTION, "main h1")
    notice = browser.execute_script(LANGUAGE_AND_DIRECTION, ".notice-untranslated")
    assert title == ["nb", "ltr"]
    assert notice == ["ar", "rtl"]


def tab_stop(element):
    """A short name for the focused element."""
    if element is None:
        return "nothing"
    classes = element["classes"].split()
    href = element["href"] or ""
    if "skip-link" in classes:
        return "skip link"
    if element["id"] == "quick-exit":
        return "quick exit"
    if href.endswith("/rask-utgang/"):
        return "quick exit help"
    if href.startswith("tel:"):
        return f"call {href.removeprefix('tel:')}"
    if "site-name" in classes:
        return "home link"
    if element["tag"] == "summary":
        return "language switcher"
    if element["id"] == "home-q":
        return "search box"
    if element["tag"] == "button" and element["type"] == "submit":
        return "search button"
    return f"{element['tag']}#{element['id']}.{'.'.join(classes)}"


@pytest.mark.parametrize("language", ["nb", "ar"])
def test_tabbing_from_the_top_reaches_the_safety_controls_then_search(
    browser, portal, language
):
    expected = [
        "skip link",
        "quick exit",
        "quick exit help",
        *(f"call {number.replace(' ', '')}" for number, _label in EMERGENCY_NUMBERS),
        "home link",
        "language switcher",
        "search box",
        "search button",
    ]
    browser.get(portal.url(HOME_PATH, language))
    # Not a first visit: the note shown once before first use is out of the way.
    browser.execute_script("window.sessionStorage.setItem('quick-exit-note-seen', '1')")
    browser.get(portal.url(HOME_PATH, language))

    stops = []
    for _ in expected:
        ActionChains(browser).send_keys(Keys.TAB).perform()
        stops.append(tab_stop(chromium.focused_element(browser)))

    assert stops == expected


def test_skip_link_moves_focus_to_the_main_content(browser, portal):
    browser.get(portal.url(HOME_PATH))

    ActionChains(browser).send_keys(Keys.TAB).send_keys(Keys.ENTER).perform()

    assert chromium.focused_element(browser)["id"] == "main"
