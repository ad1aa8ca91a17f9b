"""Quick exit is honest, in a real browser: before first use a note says that it does
not erase the history (shown once per visit, remembered in the tab only), and the help
text beside the control leads to the page that says how to erase it."""

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.chromium import browser_cookies, focused_element, fresh_tab
from tests.browser.pages import GUIDANCE_PATHS, HOME_PATH, SEARCH_PATH

pytestmark = pytest.mark.browser

HELP_PATH = "/{language}/rask-utgang/"


def first_visit(browser, portal, path=HOME_PATH, language="nb"):
    """As someone who has never been here: nothing remembered for the portal."""
    browser.get(portal.url(HOME_PATH, language))
    browser.execute_script("window.sessionStorage.clear()")
    browser.get(portal.url(path, language))


def note(browser):
    return browser.find_element(By.ID, "quick-exit-note")


@pytest.mark.parametrize("language", ["nb", "ar"])
def test_the_note_is_shown_on_the_first_page_and_never_again(browser, portal, language):
    with fresh_tab(browser):
        first_visit(browser, portal, language=language)

        assert note(browser).is_displayed()
        link = note(browser).find_element(By.TAG_NAME, "a")
        assert link.get_attribute("href") == portal.url(HELP_PATH, language)

        for path in (SEARCH_PATH, GUIDANCE_PATHS[0], HOME_PATH):
            browser.get(portal.url(path, language))
            assert not note(browser).is_displayed(), path
        assert browser_cookies(browser) == []


def test_closing_the_note_hides_it_and_returns_to_quick_exit(browser, portal):
    with fresh_tab(browser):
        first_visit(browser, portal)

        browser.find_element(By.ID, "quick-exit-note-close").click()

        assert not note(browser).is_displayed()
        assert focused_element(browser)["id"] == "quick-exit"


def test_the_help_text_leads_to_the_page_about_history(browser, portal):
    with fresh_tab(browser):
        first_visit(browser, portal)

        browser.find_element(By.CSS_SELECTOR, "#quick-exit-help a").click()

        WebDriverWait(browser, 5).until(
            lambda driver: driver.current_url == portal.url(HELP_PATH, "nb")
        )
        page = browser.find_element(By.ID, "quick-exit-help-page")
        assert page.find_elements(By.TAG_NAME, "h2")
        # The browse-safely guidance of the example content is linked from it.
        assert page.find_element(By.CSS_SELECTOR, 'a[href*="bruk-nettsiden-trygt"]')
        assert browser.find_element(By.ID, "quick-exit").is_displayed()


def test_quick_exit_works_at_once_while_the_note_is_shown(browser, portal):
    with fresh_tab(browser):
        first_visit(browser, portal)
        assert note(browser).is_displayed()

        browser.find_element(By.ID, "quick-exit").click()

        WebDriverWait(browser, 5).until(
            lambda driver: driver.current_url == portal.neutral_url
        )


def test_without_javascript_the_note_stays_hidden_and_the_help_link_works(
    browser, portal
):
    with fresh_tab(browser):
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        first_visit(browser, portal)

        assert not note(browser).is_displayed()
        browser.find_element(By.CSS_SELECTOR, "#quick-exit-help a").click()
        WebDriverWait(browser, 5).until(
            lambda driver: driver.current_url == portal.url(HELP_PATH, "nb")
        )
        assert browser.find_element(By.ID, "quick-exit-help-page").is_displayed()
