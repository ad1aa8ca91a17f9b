"""The quick exit, in a real browser: someone watching must not see the portal, even a
moment later, and Back must not bring it back."""

import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.browser.chromium import fresh_tab
from tests.browser.pages import HOME_PATH

pytestmark = pytest.mark.browser

LEAVE_WITHIN_MS = 200

# Logs the click's own time (the event's time stamp) to the console, which outlives
# the page; Selenium's click command itself takes longer than the exit should.
RECORD_CLICK_TIME = """
window.addEventListener("click", (event) => {
  console.log("clicked-at", performance.timeOrigin + event.timeStamp);
}, true);
"""

# When the neutral page had arrived: its navigation's response end, in the same
# clock (milliseconds since the epoch, with fractions).
NEUTRAL_PAGE_ARRIVED = """
const entry = performance.getEntriesByType("navigation")[0];
return performance.timeOrigin + entry.responseEnd;
"""


def wait_for_url(browser, url, timeout=5):
    WebDriverWait(browser, timeout).until(lambda driver: driver.current_url == url)


def clicked_at(browser):
    for entry in browser.get_log("browser"):
        if "clicked-at" in entry["message"]:
            return float(entry["message"].rsplit(" ", 1)[-1])
    raise AssertionError("the click was not recorded")


def test_clicking_quick_exit_shows_the_neutral_site_within_200_ms(browser, portal):
    with fresh_tab(browser):
        browser.get(portal.url(HOME_PATH))
        browser.get_log("browser")
        browser.execute_script(RECORD_CLICK_TIME)

        browser.find_element(By.ID, "quick-exit").click()

        wait_for_url(browser, portal.neutral_url)
        elapsed = browser.execute_script(NEUTRAL_PAGE_ARRIVED) - clicked_at(browser)
        assert 0 < elapsed < LEAVE_WITHIN_MS, f"{elapsed:.0f} ms"


def test_back_after_quick_exit_does_not_bring_the_portal_back(browser, portal):
    with fresh_tab(browser):
        browser.get(portal.url(HOME_PATH))

        browser.find_element(By.ID, "quick-exit").click()
        wait_for_url(browser, portal.neutral_url)
        browser.back()

        # The portal's entry was replaced, not added: Back leaves the neutral site
        # for what came before the portal (here the new tab's blank page).
        assert browser.current_url == "about:blank"
        assert not browser.find_elements(By.ID, "quick-exit")


def test_three_presses_of_shift_leave_the_portal(browser, portal):
    with fresh_tab(browser):
        browser.get(portal.url(HOME_PATH))

        keys = ActionChains(browser)
        for _ in range(3):
            keys.key_down(Keys.SHIFT).key_up(Keys.SHIFT)
        keys.perform()

        wait_for_url(browser, portal.neutral_url)


def test_without_javascript_quick_exit_is_a_plain_link_to_the_neutral_site(
    browser, portal
):
    with fresh_tab(browser):
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.get(portal.url(HOME_PATH))

        control = browser.find_element(By.ID, "quick-exit")
        assert control.tag_name == "a"
        assert control.get_attribute("href") == portal.neutral_url

        control.click()
        wait_for_url(browser, portal.neutral_url)
        # Only a link: the portal stays in the history without JavaScript.
        browser.back()
        assert browser.current_url == portal.url(HOME_PATH)
