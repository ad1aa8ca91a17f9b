"""A visit leaves no trace outside the portal: every request the browser makes goes to
the portal itself, and no cookie or stored item is left in the browser."""

import pytest

from tests.browser import chromium
from tests.browser.pages import HOME_PATH, SEARCH_PATH, SERVICE_PATH

pytestmark = pytest.mark.browser

PAGES = {"home": HOME_PATH, "search": SEARCH_PATH, "service": SERVICE_PATH}

# data: addresses (an image written into a style sheet, say) are no request at all.
NOT_A_REQUEST = ("data:", "blob:")


@pytest.mark.parametrize("language", ["nb", "en", "ar"])
@pytest.mark.parametrize("page", PAGES)
def test_page_makes_no_request_to_another_host_and_leaves_no_cookie(
    browser, portal, page, language
):
    browser.execute_cdp_cmd("Storage.clearCookies", {})
    url = portal.url(PAGES[page], language)

    requested = chromium.load_and_record_requests(browser, url)

    assert url in requested
    assert any("/static/css/" in address for address in requested)
    elsewhere = [
        address
        for address in requested
        if not address.startswith(NOT_A_REQUEST)
        and chromium.host_of(address) != chromium.host_of(portal.base_url)
    ]
    assert elsewhere == []
    assert browser.execute_script("return document.cookie") == ""
    assert chromium.browser_cookies(browser) == []
    # Nothing that outlives the visit: no local storage at all; the tab's own
    # storage holds at most the quick-exit note's "seen", gone when the tab closes.
    assert browser.execute_script("return localStorage.length") == 0
    assert set(browser.execute_script("return Object.keys(sessionStorage)")) <= {
        "quick-exit-note-seen"
    }
