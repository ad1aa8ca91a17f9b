"""Debian's headless Chromium, driven by its own chromedriver, for the browser tests."""

import contextlib
import json
import os
import time
from importlib import resources
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")

# Nothing of Chromium's own may reach for the network: the machine has none, and a
# request the portal did not cause would blur what the privacy tests record.
FLAGS = [
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
]

# The WCAG 2.1 A and AA rules of axe-core.
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def missing_reason():
    """Why the browser tests cannot run here, or None when they can."""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not os.access(path, os.X_OK):
            return f"{path} not found (Debian package {package})"
    return None


def start(profile_dir):
    """A new headless Chromium with an empty profile; its chromedriver is the one
    Debian builds with it, so Selenium Manager never looks for another."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    if os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root.
        options.add_argument("--no-sandbox")
    options.add_argument(f"--user-data-dir={profile_dir}")
    # Network events (every request the page makes) and the console.
    options.set_capability(
        "goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"}
    )
    options.add_experimental_option(
        "perfLoggingPrefs", {"enableNetwork": True, "enablePage": False}
    )
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_script_timeout(60)
    driver.set_page_load_timeout(60)
    return driver


def network_events(driver):
    """The Network.* events since the last call (reading the log empties it)."""
    events = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"].startswith("Network."):
            events.append(message)
    return events


FINISHED = ("Network.loadingFinished", "Network.loadingFailed")


def load_and_record_requests(driver, url, quiet_for=0.3, timeout=10):
    """Open url and return the address of every request the page made, waiting until
    the network has been quiet for a moment (the favicon comes after the load)."""
    network_events(driver)
    driver.get(url)
    requested, pending = [], set()
    quiet_since = time.monotonic()
    deadline = quiet_since + timeout
    while time.monotonic() < deadline:
        events = network_events(driver)
        for event in events:
            params = event["params"]
            if event["method"] == "Network.requestWillBeSent":
                requested.append(params["request"]["url"])
                pending.add(params["requestId"])
            elif event["method"] == "Network.webSocketCreated":
                requested.append(params["url"])
            elif event["method"] in FINISHED:
                pending.discard(params["requestId"])
        if events:
            quiet_since = time.monotonic()
        elif not pending and time.monotonic() - quiet_since >= quiet_for:
            break
        time.sleep(0.05)
    return requested


def host_of(url):
    return urlsplit(url).netloc


def browser_cookies(driver):
    """Every cookie in the browser's cookie jar, for every site."""
    return driver.execute_cdp_cmd("Storage.getCookies", {})["cookies"]


def axe_source():
    """axe-core as shipped inside the axe-selenium-python-nhsuk wheel: self-hosted,
    nothing is fetched when the tests run."""
    package = resources.files("axe_selenium_python")
    return (package / "node_modules" / "axe-core" / "axe.min.js").read_text()


AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: arguments[0]})
  .then((results) => done(results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => ({
      target: node.target.join(" "),
      summary: node.failureSummary,
      html: node.html.slice(0, 200),
    })),
  }))))
  .catch((error) => done([{id: "axe-error", help: String(error), nodes: []}]));
"""


def axe_violations(driver, tags=WCAG_21_AA, rules=None):
    """axe-core's violations on the current page, of the rules with these tags or of
    these rules (injected through the DevTools protocol, which the page's
    Content-Security-Policy does not govern)."""
    driver.execute_script(axe_source())
    run_only = (
        {"type": "rule", "values": rules} if rules else {"type": "tag", "values": tags}
    )
    return driver.execute_async_script(AXE_RUN, run_only)


def describe_violations(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['html']}")
            lines.append(f"      {(node['summary'] or '').replace(chr(10), ' ')}")
    return "\n".join(lines)


FOCUSED = """
const el = document.activeElement;
if (!el || el === document.body) return null;
return {
  tag: el.tagName.toLowerCase(),
  id: el.id,
  classes: el.className,
  href: el.getAttribute("href"),
  type: el.getAttribute("type"),
  text: el.textContent.trim().replace(/\\s+/g, " ").slice(0, 60),
};
"""


def focused_element(driver):
    return driver.execute_script(FOCUSED)


@contextlib.contextmanager
def fresh_tab(driver):
    """A new tab with a history of its own (only about:blank before the test)."""
    first = driver.current_window_handle
    driver.switch_to.new_window("tab")
    try:
        yield driver
    finally:
        driver.close()
        driver.switch_to.window(first)
