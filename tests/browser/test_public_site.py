"""The public site in a real browser: the three ways in from the home page, the
directory's filters without JavaScript, a service page, the professionals' guide with
a municipality picked, and its call sheet, printed and as a PDF."""

import base64
import re
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions
from selenium.webdriver.support.ui import Select, WebDriverWait

from tests.browser import chromium
from tests.browser.chromium import fresh_tab
from tests.browser.pages import GUIDANCE_PATHS, HOME_PATH, SERVICE_PATH
from tests.portal.pdf_reading import page_count, read_pdf

pytestmark = pytest.mark.browser

GUIDE_PATH = GUIDANCE_PATHS[0]  # "Hvem ringer jeg?"
SHEET_PATH = "/{language}/ringeliste/Bergen/"


def text_of(browser, selector):
    return browser.find_element(By.CSS_SELECTOR, selector).text


def count_in(text):
    return int(re.search(r"\d+", text).group())


@pytest.mark.parametrize(
    ("entry", "lands_on"),
    [
        (0, "/nb/hva-er-vold/"),
        (1, "/nb/hjelpe-en-venn/"),
        (2, "/nb/hvem-ringer-jeg/"),
    ],
)
def test_each_entry_point_on_the_home_page_leads_to_its_guidance(
    browser, portal, entry, lands_on
):
    browser.get(portal.url(HOME_PATH))
    links = browser.find_elements(By.CSS_SELECTOR, ".entry-points a.entry")
    assert len(links) == 3

    links[entry].click()

    WebDriverWait(browser, 5).until(lambda d: urlsplit(d.current_url).path == lands_on)
    assert browser.find_element(By.TAG_NAME, "h1").text
    # The safety controls come along to every page.
    assert browser.find_elements(By.CSS_SELECTOR, ".quick-exit")
    assert browser.find_elements(By.CSS_SELECTOR, '.emergency-strip a[href="tel:112"]')


def test_a_filter_narrows_the_results_to_its_count_without_javascript(browser, portal):
    with fresh_tab(browser):
        browser.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        browser.get(portal.url("/{language}/sok/?q=krisesenter"))
        before = count_in(text_of(browser, ".result-count"))
        browser.find_element(By.CSS_SELECTOR, "details.filters summary").click()
        boxes = browser.find_elements(By.CSS_SELECTOR, 'input[name="category"]')
        counts = [
            count_in(box.find_element(By.XPATH, "..").text.rsplit("(", 1)[1])
            for box in boxes
        ]
        # A kind of help that some, but not all, of the results have.
        index = next(i for i, n in enumerate(counts) if 0 < n < before)
        value = boxes[index].get_attribute("value")

        boxes[index].click()
        browser.find_element(By.CSS_SELECTOR, "details.filters button").click()

        WebDriverWait(browser, 5).until(lambda d: "category=" in d.current_url)
        query = parse_qs(urlsplit(browser.current_url).query)
        assert query["category"] == [value]
        after = count_in(text_of(browser, ".result-count"))
        assert after == counts[index] < before
        cards = browser.find_elements(By.CSS_SELECTOR, "ol.cards > li.card")
        assert 0 < len(cards) <= after
        checked = browser.find_element(
            By.CSS_SELECTOR, f'input[name="category"][value="{value}"]'
        )
        assert checked.is_selected()


def test_a_service_page_shows_what_a_person_needs(browser, portal):
    browser.get(portal.url(SERVICE_PATH))

    assert browser.find_element(By.TAG_NAME, "h1").text
    call = browser.find_element(By.CSS_SELECTOR, ".contact a.call-button")
    assert call.get_attribute("href").startswith("tel:+47")
    assert browser.find_elements(By.CSS_SELECTOR, ".badges .badge-open")
    assert browser.find_elements(By.CSS_SELECTOR, ".example-data")  # example data
    assert browser.find_element(By.CSS_SELECTOR, ".verified").text
    assert browser.find_elements(By.CSS_SELECTOR, "section.hours li")


def test_the_guide_with_a_municipality_picked_shows_its_services_and_sheet(
    browser, portal
):
    browser.get(portal.url(GUIDE_PATH))
    Select(browser.find_element(By.ID, "kommune")).select_by_visible_text("Askøy")
    browser.find_element(By.CSS_SELECTOR, ".municipality-picker button").click()

    WebDriverWait(browser, 5).until(lambda d: "kommune=" in d.current_url)
    assert parse_qs(urlsplit(browser.current_url).query)["kommune"] == ["Askøy"]
    assert "Askøy" in text_of(browser, "#related-heading")
    assert browser.find_elements(By.CSS_SELECTOR, ".related-services a.call-link")
    sheet = browser.find_element(By.CSS_SELECTOR, ".call-sheet-links a:not([download])")

    sheet.click()

    WebDriverWait(browser, 5).until(lambda d: "/ringeliste/" in d.current_url)
    assert unquote(urlsplit(browser.current_url).path) == "/nb/ringeliste/Askøy/"
    assert "Askøy" in browser.find_element(By.TAG_NAME, "h1").text
    situations = browser.find_elements(By.CSS_SELECTOR, ".call-sheet-situation")
    assert len(situations) == 7


FETCH_BYTES = """
const done = arguments[arguments.length - 1];
fetch(arguments[0]).then(async (response) => {
  const bytes = new Uint8Array(await response.arrayBuffer());
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  done([response.status, response.headers.get("content-type"), btoa(binary)]);
}).catch((error) => done([0, String(error), ""]));
"""


def test_the_pdf_call_sheet_downloads_with_the_municipality_s_name(browser, portal):
    browser.get(portal.url(SHEET_PATH))
    link = browser.find_element(By.CSS_SELECTOR, ".call-sheet-actions a[download]")

    status, content_type, body = browser.execute_async_script(
        FETCH_BYTES, link.get_attribute("href")
    )

    assert (status, content_type) == (200, "application/pdf")
    data = base64.b64decode(body)
    assert data.startswith(b"%PDF-")
    objects, texts = read_pdf(data)
    assert page_count(data) == 1
    lines = [text for _x, _y, text in texts]
    assert "Hvem ringer jeg? Ringeliste for Bergen" in lines
    assert "Tvangsekteskap og æresrelatert vold" in lines


PRINT_HIDES = [".quick-exit-bar", ".site-header", ".call-sheet-actions"]
SHOWN = """
return arguments[0].map((selector) => {
  const element = document.querySelector(selector);
  return Boolean(element) && getComputedStyle(element).display !== "none";
});
"""


def test_the_printed_call_sheet_is_one_a4_page_without_the_site_controls(
    browser, portal
):
    browser.get(portal.url(SHEET_PATH))

    a4 = PrintOptions()
    a4.page_width, a4.page_height = 21.0, 29.7  # cm
    a4.margin_top = a4.margin_bottom = a4.margin_left = a4.margin_right = 1.2
    printed = base64.b64decode(browser.print_page(a4))

    assert page_count(printed) == 1
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        shown = browser.execute_script(SHOWN, PRINT_HIDES + [".call-sheet a.call-link"])
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    assert shown == [False] * len(PRINT_HIDES) + [True]
    # On screen the safety controls are there, as on every page.
    assert browser.execute_script(SHOWN, PRINT_HIDES) == [True] * len(PRINT_HIDES)


@pytest.mark.parametrize("language", ["nb", "ar"])
@pytest.mark.parametrize(
    "path",
    [GUIDE_PATH + "?kommune=Ask%C3%B8y", SHEET_PATH, "/{language}/ringeliste/Oslo/"],
)
def test_the_guide_and_call_sheet_have_no_wcag_21_aa_violations(
    browser, portal, path, language
):
    browser.get(portal.url(path, language))

    violations = chromium.axe_violations(browser)

    assert violations == [], "\n" + chromium.describe_violations(violations)
