"""How long a Redattrice waits for the project and the course edit forms, in Chromium: from navigation
start until the form is ready to type in (the rich text editors drawn, the StreamField's blocks built,
Wagtail's controllers connected). The demo is served as `make bench` serves it (gunicorn, DEBUG off,
scratch database); the median of REPEAT loads after one warm-up, with the server's share (time to the
first byte) and the page's weight. Usage: `.venv/bin/python scripts/measure_admin_forms.py [REPEAT]`."""

import os
import statistics
import sys

from bench import Server, demo_database, scratch_url, server_env

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
PASSWORD = "password-lunga-1"

# Ready: every rich text field has its editor, every StreamField its blocks, and the page has loaded.
READY = """() => {
    if (document.readyState !== 'complete') return false;
    const richText = document.querySelectorAll('input[data-draftail-input]').length;
    const editors = document.querySelectorAll('.Draftail-Editor').length;
    const streams = [...document.querySelectorAll('[data-controller~="w-block"]')];
    return editors >= richText && streams.every(stream => stream.querySelector('.c-sf-container'));
}"""
TIMING = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    return {ttfb: nav.responseStart, dom: nav.domContentLoadedEventEnd, load: nav.loadEventEnd,
            ready: performance.now(), bytes: nav.transferSize, html: nav.decodedBodySize};
}"""


def make_editor():
    from django.contrib.auth.models import Group, User

    user, _ = User.objects.get_or_create(username="redattrice", defaults={"email": "redattrice@asap.example"})
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name="Redattori"))


def form_urls():
    from courses.models import CoursePage
    from projects.models import ProjectPage

    # The demo's richest of each: the most text and blocks.
    project = max(ProjectPage.objects.all(), key=lambda page: len(str(page.body)) + len(page.objectives))
    course = max(CoursePage.objects.all(), key=lambda page: len(str(page.body)))
    return {"progetto": f"/admin/pages/{project.pk}/edit/", "corso": f"/admin/pages/{course.pk}/edit/"}


def measure(tab, url, repeat):
    samples = []
    for _ in range(repeat + 1):
        tab.goto(url, wait_until="commit")
        tab.wait_for_function(READY, polling=20, timeout=30_000)
        samples.append(tab.evaluate(TIMING))
    samples = samples[1:]  # the first load warms the caches
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


def main():
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    from playwright.sync_api import sync_playwright

    with demo_database() as connection:
        make_editor()
        urls = form_urls()
        connection.close()
        server = Server(server_env(scratch_url(connection)))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(base_url=server.url(""), locale="it-IT", timezone_id="Europe/Rome")
                tab = context.new_page()
                tab.goto("/admin/login/")
                tab.get_by_label("Nome utente").fill("redattrice")
                tab.get_by_label("Password").fill(PASSWORD)
                tab.get_by_role("button", name="Accedi").click()
                tab.wait_for_url("**/admin/")
                print(f"{'form':10} {'ready ms':>9} {'ttfb ms':>8} {'DOM ms':>7} {'load ms':>8} {'HTML KiB':>9}")
                for label, url in urls.items():
                    figures = measure(tab, url, repeat)
                    print(
                        f"{label:10} {figures['ready']:9.0f} {figures['ttfb']:8.0f} {figures['dom']:7.0f} "
                        f"{figures['load']:8.0f} {figures['html'] / 1024:9.0f}"
                    )
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
