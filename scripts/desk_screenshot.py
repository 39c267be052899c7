"""Take docs/desk.png: the desk page with the example story, its "Blinked" finding chosen, in headless Chromium.

    python scripts/desk_screenshot.py [--output docs/desk.png] [--size 1366x800]

Needs the serve extra, selenium, and Debian's chromium and chromium-driver (what .ci/run installs).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service as DriverService
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "xinhua-blinken.txt"
sys.path.insert(0, str(ROOT / "benchmarks"))
from serve_latency import start


def browser(width: int, height: int):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--hide-scrollbars", f"--window-size={width},{height}"):
        options.add_argument(argument)
    return webdriver.Chrome(service=DriverService("/usr/bin/chromedriver"), options=options)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "desk.png")
    parser.add_argument("--size", default="1366x800", help="window size, WIDTHxHEIGHT (a laptop screen)")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    service, host, port = start()
    url = f"http://{host}:{port}/"
    driver = browser(width, height)
    try:
        driver.get(url)
        story = driver.find_element(By.ID, "story")
        story.click()
        driver.execute_cdp_cmd("Input.insertText", {"text": EXAMPLE.read_text(encoding="utf-8")})
        wait = WebDriverWait(driver, 30)
        item = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, '#findings li[data-rule="names.variant"]'))
        item.find_element(By.CLASS_NAME, "finding-go").click()
        time.sleep(1.0)  # the story scrolls smoothly to the word
        driver.execute_script("document.activeElement.blur()")  # no caret or focus ring in the picture
        args.output.write_bytes(driver.get_screenshot_as_png())
    finally:
        driver.quit()
        service.terminate()
        service.wait(timeout=20)
    print(f"wrote {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
