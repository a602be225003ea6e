"""How long a Redattrice waits for the project and the course edit forms, served as `make bench` serves
the demo (gunicorn, DEBUG off, scratch database): the median of REPEAT loads after one warm-up.

- server: the edit view in-process with Django's test client as the same editor (wall ms, CPU ms,
  SQL queries);
- browser, in Chromium, from navigation start: the first byte, DOMContentLoaded, and *interactive*:
  the form is ready to type in (every rich text editor drawn, every StreamField's blocks built, the
  page loaded; a body block's table or paragraph editor below the screen is built when the editor
  reaches it, core/lazy_widgets.py) and the main thread is free again (the end of the last long task, >50 ms, before it);
  and the CPU time of the page's main thread from the response to then (Chromium's ThreadTime), which a busy shared
  machine inflates far less than the wall-clock times.

    .venv/bin/python scripts/measure_admin_forms.py [REPEAT]           # seeds a scratch demo (1 min)
    .venv/bin/python scripts/measure_admin_forms.py 9 --database /tmp/demo.sqlite3
                       # a demo seeded before (scripts/demo_fingerprint.py makes one, media beside it)
"""

import argparse
import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from bench import Server, demo_database, scratch_url, server_env, setup_django

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"]
PASSWORD = "password-lunga-1"

# Long tasks from the start of every page (the observer must exist before the page's scripts run).
LONG_TASKS = """window.__longTasks = [];
new PerformanceObserver(list => window.__longTasks.push(...list.getEntries()))
    .observe({type: 'longtask', buffered: true});"""
# Ready: every rich text field has its editor, every StreamField its blocks, and the page has loaded;
# the moment it first holds is kept (the poll and the wait for late long tasks come after it).
READY = """() => {
    if (document.readyState !== 'complete') return false;
    const richText = document.querySelectorAll('input[data-draftail-input]').length;
    const editors = document.querySelectorAll('.Draftail-Editor').length;
    const streams = [...document.querySelectorAll('[data-controller~="w-block"]')];
    const ready = editors >= richText && streams.every(stream => stream.querySelector('.c-sf-container'));
    if (ready && window.__readyAt === undefined) window.__readyAt = performance.now();
    return ready;
}"""
TIMING = """() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const ready = window.__readyAt;  // when the check first passed, not when it was read
    const tasks = window.__longTasks.filter(task => task.startTime < ready);
    const busy = Math.max(0, ...tasks.map(task => task.startTime + task.duration));
    return {ttfb: nav.responseStart, dom: nav.domContentLoadedEventEnd, ready,
            interactive: Math.max(ready, busy), nodes: document.getElementsByTagName('*').length,
            html: nav.decodedBodySize};
}"""


def make_editor():
    from django.contrib.auth.models import Group, User

    user, _ = User.objects.get_or_create(username="redattrice", defaults={"email": "redattrice@asap.example"})
    user.set_password(PASSWORD)
    user.save()
    user.groups.add(Group.objects.get(name="Redattori"))
    return user


def form_urls():
    from courses.models import CoursePage
    from projects.models import ProjectPage

    # The demo's richest of each: the most text and blocks.
    project = max(ProjectPage.objects.all(), key=lambda page: len(str(page.body)) + len(page.objectives))
    course = max(CoursePage.objects.all(), key=lambda page: len(str(page.body)))
    return {"progetto": f"/admin/pages/{project.pk}/edit/", "corso": f"/admin/pages/{course.pk}/edit/"}


def server_side(user, urls, repeat):
    """{label: (median ms, median CPU ms, SQL queries)} of the edit view, in-process, after a warm-up."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

    # Without the test environment's instrumented template rendering, which would double the time.
    teardown_test_environment()
    client, figures = Client(SERVER_NAME="localhost"), {}
    client.force_login(user)
    try:
        for label, url in urls.items():
            client.get(url)
            timings, cpu = [], []
            for _ in range(repeat):
                with CaptureQueriesContext(connection) as queries:
                    start, start_cpu = time.perf_counter(), time.process_time()
                    response = client.get(url)
                    timings.append(time.perf_counter() - start)
                    cpu.append(time.process_time() - start_cpu)
                assert response.status_code == 200, (url, response.status_code)
            figures[label] = (statistics.median(timings) * 1000, statistics.median(cpu) * 1000, len(queries))
    finally:
        setup_test_environment()
    return figures


def main_thread_seconds(cdp):
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(metric["value"] for metric in metrics if metric["name"] == "ThreadTime")


def browser_side(tab, url, repeat):
    cdp = tab.context.new_cdp_session(tab)
    cdp.send("Performance.enable", {"timeDomain": "threadTicks"})
    samples = []
    for _ in range(repeat + 1):
        tab.goto(url, wait_until="commit")
        before = main_thread_seconds(cdp)  # from here: the page's process may be a new one
        tab.wait_for_function(READY, polling=20, timeout=60_000)
        tab.wait_for_timeout(300)  # a long task right after "ready" still keeps the editor waiting
        sample = tab.evaluate(TIMING)
        sample["cpu"] = (main_thread_seconds(cdp) - before) * 1000
        samples.append(sample)
    samples = samples[1:]  # the first load warms the caches
    return {key: statistics.median(sample[key] for sample in samples) for key in samples[0]}


@contextmanager
def existing_database(path):
    """A demo seeded before, with its media beside it (`<file>.media`, as demo_fingerprint.py makes it)."""
    os.environ["DATABASE_URL"] = f"sqlite:///{Path(path).resolve()}"
    os.environ["MEDIA_ROOT"] = f"{Path(path).resolve()}.media"
    setup_django()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # as on a scratch database
    yield connection


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repeat", nargs="?", type=int, default=5)
    parser.add_argument("--database", help="a seeded demo SQLite file to reuse instead of seeding one")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with existing_database(args.database) if args.database else demo_database() as connection:
        user = make_editor()
        urls = form_urls()
        server_figures = server_side(user, urls, args.repeat)
        connection.close()
        server = Server(server_env(scratch_url(connection)))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
                context = browser.new_context(base_url=server.url(""), locale="it-IT", timezone_id="Europe/Rome")
                context.add_init_script(LONG_TASKS)
                tab = context.new_page()
                tab.set_viewport_size({"width": 1366, "height": 768})
                tab.goto("/admin/login/")
                tab.get_by_label("Nome utente").fill("redattrice")
                tab.get_by_label("Password").fill(PASSWORD)
                tab.get_by_role("button", name="Accedi").click()
                tab.wait_for_url("**/admin/")
                load = open("/proc/loadavg").read().split()[0]  # noqa: SIM115
                print(f"median of {args.repeat}, {connection.vendor}, load average {load}")
                print(
                    f"{'form':9} {'server ms':>9} {'CPU ms':>6} {'queries':>7} | {'TTFB ms':>7} {'DOM ms':>6} "
                    f"{'ready ms':>8} {'interactive ms':>14} {'main CPU ms':>11} {'DOM nodes':>9} {'HTML KiB':>8}"
                )
                for label, url in urls.items():
                    ms, cpu, queries = server_figures[label]
                    b = browser_side(tab, url, args.repeat)
                    print(
                        f"{label:9} {ms:9.0f} {cpu:6.0f} {queries:7d} | {b['ttfb']:7.0f} {b['dom']:6.0f} "
                        f"{b['ready']:8.0f} {b['interactive']:14.0f} {b['cpu']:11.0f} {b['nodes']:9.0f} "
                        f"{b['html'] / 1024:8.0f}"
                    )
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
