"""`make screenshots`: every page type of the demo at 390 px (a phone) and 1366 px (a laptop), whole
pages, into `screenshots/` (git-ignored), plus the consent banner as a first visit shows it; review
material for anyone who wants to see the whole site in a minute. Playwright drives Debian's Chromium
(`/usr/bin/chromium`, or CHROMIUM_PATH); the site is served as `make bench` serves it."""

import os
import shutil
import sys
from pathlib import Path

from .pages import ROOT
from .review_site import served_demo, slug

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
VIEWPORTS = {390: 844, 1366: 768}
OUTPUT = ROOT / "screenshots"


def shoot(browser, server, urls):
    from playwright.sync_api import expect

    for width, height in VIEWPORTS.items():
        context = browser.new_context(
            base_url=server.url(""),
            viewport={"width": width, "height": height},
            locale="it-IT",
            timezone_id="Europe/Rome",
        )
        tab = context.new_page()
        # first visit: the consent banner open over the home page
        tab.goto("/")
        banner = tab.locator("#consent-banner")
        expect(banner).to_be_visible()
        tab.screenshot(path=OUTPUT / f"00-consent-banner-{width}.png", full_page=False)
        tab.get_by_role("button", name="Rifiuta", exact=True).click()  # a decision, so the other pages show without it
        expect(banner).to_be_hidden()
        for number, (label, path) in enumerate(urls.items(), start=1):
            tab.goto(path)
            tab.wait_for_load_state("networkidle")
            tab.screenshot(path=OUTPUT / f"{number:02d}-{slug(label)}-{width}.png", full_page=True)
        context.close()


def main():
    if not shutil.which(CHROMIUM) and not Path(CHROMIUM).exists():
        raise SystemExit(f"make screenshots needs Debian's Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    shutil.rmtree(OUTPUT, ignore_errors=True)
    OUTPUT.mkdir()
    with served_demo() as (server, urls), sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        try:
            shoot(browser, server, urls)
        finally:
            browser.close()
    shots = sorted(OUTPUT.glob("*.png"))
    print(f"{len(shots)} screenshots in {OUTPUT.relative_to(ROOT)}/", file=sys.stderr)


if __name__ == "__main__":
    main()
