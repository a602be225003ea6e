"""Not a test (pytest collects it only when named): how long the project edit form takes to load,
median of 9 loads, and a screenshot of its calendar open at 1366 px (docs/admin-dates.md).

    DATABASE_URL=postgres://postgres@127.0.0.1:54330/asap_dates \
      .venv/bin/python -m pytest tests/browser/measure_admin_dates.py --reuse-db -s -q
"""

import json
import statistics

import pytest

from tests.browser.test_admin_dates import editor_tab, open_project_dates, project, redattrice, type_like_a_person  # noqa: F401

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_project_edit_form_load_time_and_calendar_screenshot(editor_tab, project):  # noqa: F811 (fixtures)
    tab = editor_tab
    loads, dcls = [], []
    for _ in range(9):
        tab.goto(f"/admin/pages/{project.pk}/edit/")
        tab.wait_for_load_state("load")
        timing = tab.evaluate("JSON.stringify(performance.getEntriesByType('navigation')[0].toJSON())")
        timing = json.loads(timing)
        loads.append(timing["loadEventEnd"])
        dcls.append(timing["domContentLoadedEventEnd"])
    print("\nMEASURE dcl median", statistics.median(dcls), "load median", statistics.median(loads), sorted(loads))
    open_project_dates(tab, project)
    start = tab.get_by_role("textbox", name="Inizio previsto")
    type_like_a_person(tab, start, "15/03/2026")
    button = start.locator("xpath=..").get_by_role("button", name="Scegli dal calendario")
    if button.count():
        button.click()
    start.scroll_into_view_if_needed()
    tab.mouse.wheel(0, 150)
    tab.wait_for_timeout(300)
    tab.screenshot(path="/tmp/admin-dates-calendar-1366.png")
