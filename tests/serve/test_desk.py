"""The desk page in a real headless Chromium (Debian's chromium and chromium-driver): paste the example story,
see "Blinked" marked in place with its rule and why, apply fixes, use it from the keyboard."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed: pip install '.[test]'")
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.chrome.service import Service as DriverService
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

from .conftest import EXAMPLE

SHORT_STORY = "Blinken arrived on Tuesday. Blinked said the talks went well, Blinken added.\n"
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM and Path(CHROMEDRIVER).exists()),
    reason="Chromium and its driver are not installed (apt-get install chromium chromium-driver; .ci/run does)",
)


def start_browser(download_dir: Path | None = None):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,850"):
        options.add_argument(argument)
    if download_dir is not None:
        options.add_experimental_option("prefs", {"download.default_directory": str(download_dir)})
    return webdriver.Chrome(service=DriverService(CHROMEDRIVER), options=options)


@pytest.fixture(scope="module")
def browser(tmp_path_factory) -> Iterator:
    downloads = tmp_path_factory.mktemp("downloads")
    driver = start_browser(downloads)
    # Headless Chromium saves downloads only where it is told to, whatever the profile's preference says.
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    yield driver
    driver.quit()


@pytest.fixture
def desk(browser, service):
    """The desk page, fresh, with the example story pasted into it."""
    browser.get(service.url + "/")
    wait(browser, lambda: Select(browser.find_element(By.ID, "style")).options)
    paste(browser, EXAMPLE.read_text(encoding="utf-8"))
    wait(browser, lambda: blinked_mark(browser))
    return browser


def paste(browser, text: str) -> None:
    """Put text into the story as a paste does: one insertion through the browser's input path."""
    story = browser.find_element(By.ID, "story")
    story.click()
    story.send_keys(Keys.CONTROL, "a")
    browser.execute_cdp_cmd("Input.insertText", {"text": text})


def wait(browser, condition: Callable, timeout: float = 20):
    # The page redraws its marks and list on every answer: an element looked at mid-redraw is looked up again.
    return WebDriverWait(browser, timeout, ignored_exceptions=[StaleElementReferenceException]).until(
        lambda _: condition()
    )


def story_text(browser) -> str:
    return browser.find_element(By.ID, "story").get_property("value")


def blinked_mark(browser):
    """The mark over "Blinked" in the story, found in one step of the page's own (so never a half-drawn list)."""
    return browser.execute_script(
        "return [...document.querySelectorAll('#highlights mark')].find((m) => m.textContent === 'Blinked') || null;"
    )


def finding_item(browser, rule: str):
    found = browser.find_elements(By.CSS_SELECTOR, f'#findings li[data-rule="{rule}"]')
    return found[0] if found else None


def selected_text(browser) -> str:
    return browser.execute_script(
        "const s = document.getElementById('story'); return s.value.slice(s.selectionStart, s.selectionEnd);"
    )


def test_blinked_is_marked_in_place_with_message_rule_and_why(desk):
    mark = blinked_mark(desk)
    assert "error" in mark.get_attribute("class").split()  # names.variant is shipped at error level
    # The mark sits under the word in the textarea: same place on the page, not a list elsewhere.
    assert mark.rect["width"] > 0 and mark.rect["height"] > 0
    item = finding_item(desk, "names.variant")
    assert item.find_element(By.CLASS_NAME, "where").text == "23:104"
    assert "'Blinked' may be a misspelling of 'Blinken'" in item.find_element(By.CLASS_NAME, "finding-message").text
    assert item.find_element(By.CLASS_NAME, "finding-why").get_attribute("textContent").strip()
    assert "finding" in desk.find_element(By.ID, "status").text


def test_marks_are_laid_out_as_the_textarea_is(desk):
    """The marks are drawn in a copy of the story behind the textarea: the same text in the same box with the
    same type, so each mark falls under its word."""
    same = desk.execute_script(
        """
        const story = document.getElementById('story'), copy = document.querySelector('.backdrop');
        const a = getComputedStyle(story), b = getComputedStyle(copy);
        const keys = ['font-family', 'font-size', 'line-height', 'padding-left', 'padding-top', 'padding-right',
                      'white-space', 'overflow-wrap', 'letter-spacing', 'word-spacing', 'tab-size', 'width'];
        return {
          differ: keys.filter((k) => a.getPropertyValue(k) !== b.getPropertyValue(k)),
          text: document.getElementById('highlights').textContent === story.value + '\u200b',
          heights: [story.scrollHeight, copy.scrollHeight],
        };
        """
    )
    assert same["differ"] == [] and same["text"]
    assert abs(same["heights"][0] - same["heights"][1]) <= 2  # wrapped into the same number of lines


def test_apply_the_fix_of_blinked(desk):
    item = finding_item(desk, "names.variant")
    button = item.find_element(By.CSS_SELECTOR, "button.apply")
    assert button.text == "Apply “Blinken”"
    button.click()
    wait(desk, lambda: "Blinked" not in story_text(desk))
    assert "Blinken reportedly told Netanyahu" in story_text(desk)
    wait(desk, lambda: blinked_mark(desk) is None and finding_item(desk, "names.variant") is None)
    assert "Applied “Blinken” (names.variant)." in desk.find_element(By.ID, "status").text
    # A fix is an edit like any other: Ctrl+Z takes it back.
    desk.find_element(By.ID, "story").send_keys(Keys.CONTROL, "z")
    wait(desk, lambda: "Blinked reportedly" in story_text(desk))
    wait(desk, lambda: blinked_mark(desk))


def test_fix_all_applies_the_safe_fixes_only(desk):
    button = desk.find_element(By.ID, "fix-all")
    wait(desk, lambda: button.is_enabled())
    button.click()
    wait(desk, lambda: "(Xinhua) — U.S." in story_text(desk))
    assert "Blinked reportedly" in story_text(desk)  # unsafe: left for the editor to choose
    wait(desk, lambda: finding_item(desk, "dateline.dash") is None)


def test_keyboard_only(desk):
    """F8 walks the findings, selecting each in the story; Ctrl+. applies the fix of the one selected."""
    story = desk.find_element(By.ID, "story")
    story.click()
    for _ in range(10):
        story.send_keys(Keys.F8)
        if selected_text(desk) == "Blinked":
            break
    assert selected_text(desk) == "Blinked"
    assert "active" in finding_item(desk, "names.variant").get_attribute("class")
    story.send_keys(Keys.CONTROL, ".")
    wait(desk, lambda: "Blinken reportedly" in story_text(desk))


def test_list_entry_shows_its_words_in_the_story(desk):
    finding_item(desk, "names.variant").find_element(By.CLASS_NAME, "finding-go").click()
    assert selected_text(desk) == "Blinked"
    assert "active" in blinked_mark(desk).get_attribute("class")


def test_style_picker_checks_again(desk):
    assert finding_item(desk, "dateline.dash")
    Select(desk.find_element(By.ID, "style")).select_by_value("xinhua")
    wait(desk, lambda: finding_item(desk, "dateline.dash") is None)  # Xinhua's own dash
    assert blinked_mark(desk)


def test_download_and_open(desk, tmp_path):
    desk.find_element(By.ID, "download").click()
    saved = desk.downloads / "story.txt"
    wait(desk, lambda: saved.exists() and saved.read_text(encoding="utf-8") == story_text(desk))
    opened = tmp_path / "talks.txt"
    opened.write_text(SHORT_STORY, encoding="utf-8")
    desk.find_element(By.ID, "open").send_keys(str(opened))
    wait(desk, lambda: story_text(desk) == SHORT_STORY)
    wait(desk, lambda: blinked_mark(desk))
    assert desk.title == "talks.txt · newslint desk"


def test_text_with_emoji_keeps_marks_on_their_words(desk):
    """The service counts code points and JavaScript UTF-16 units: an emoji before a finding must not shift it."""
    paste(desk, "😀 " + SHORT_STORY)
    wait(desk, lambda: story_text(desk) == "😀 " + SHORT_STORY and blinked_mark(desk))
    assert blinked_mark(desk).get_attribute("textContent") == "Blinked"


def test_no_errors_in_the_browser_console(desk):
    time.sleep(0.5)
    errors = [entry for entry in desk.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []


def test_copy_puts_the_story_on_the_clipboard(desk, service):
    desk.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": service.url, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    desk.find_element(By.ID, "copy").click()
    wait(desk, lambda: desk.find_element(By.ID, "status").text == "Copied the story.")
    copied = desk.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], (e) => arguments[0]('failed: ' + e));"
    )
    assert copied == story_text(desk)
