"""Dates stay as typed (issue 26, point 1): a Redattrice types every date and date-time field the
Redattori edit key by key at a person's pace, then clicks the next field with the mouse, as in the
office; what she typed is what stays, after leaving the field and after saving and reopening. The
calendar opens from its button, closes on Tab and blur, Esc closes it without losing the date, and
it never lies over the next field or the schedule dialog's button."""

import datetime
import re

import pytest
from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from playwright.sync_api import expect

from courses.models import CoursePage
from projects.models import ProjectPage
from tests.factories.courses import CoursePageFactory, CourseSessionFactory
from tests.factories.projects import OrganisationFactory, ProjectPageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "password-lunga-1"
KEYSTROKE_MS = 80  # a person typing at normal speed


@pytest.fixture
def redattrice(django_user_model, editorial_groups):
    person = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", PASSWORD)
    person.groups.add(Group.objects.get(name="Redattori"))
    assert not person.is_superuser
    return person


@pytest.fixture
def editor_tab(tab, redattrice):
    tab.set_viewport_size({"width": 1366, "height": 768})
    tab.goto("/admin/login/")
    tab.get_by_label("Nome utente").fill("redattrice")
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Accedi").click()
    tab.wait_for_url("**/admin/")
    return tab


@pytest.fixture
def project(project_catalogue):
    return ProjectPageFactory(
        parent=project_catalogue, title="Sportelli a Latina", planned_start=None, planned_end=None
    )


def editors_keep_the_register():
    """transparency's data migration, which a transactional test's flush has undone."""
    create_permissions(apps.get_app_config("transparency"), verbosity=0)
    Group.objects.get(name="Redattori").permissions.add(
        *Permission.objects.filter(codename__in=["add_publiccontribution", "change_publiccontribution"])
    )


def overlap(one, other):
    """Whether two bounding boxes share any area."""
    return not (
        one["x"] + one["width"] <= other["x"]
        or other["x"] + other["width"] <= one["x"]
        or one["y"] + one["height"] <= other["y"]
        or other["y"] + other["height"] <= one["y"]
    )


def click_like_a_person(tab, field):
    """A click where a person sees the field (its left part), on whatever lies there: unlike
    Playwright's own click, it does not wait for a calendar lying over the field to go away."""
    field.scroll_into_view_if_needed()
    box = field.bounding_box()
    tab.mouse.click(box["x"] + 30, box["y"] + box["height"] / 2)


def type_like_a_person(tab, field, text):
    field.click()
    field.press("Control+a")
    field.press("Delete")
    tab.keyboard.type(text, delay=KEYSTROKE_MS)


def calendar_of(field):
    """The picker Wagtail attaches to a date field (xdsoft), found next to the field."""
    return field.locator("xpath=..").locator(".xdsoft_datetimepicker")


def open_project_dates(tab, project):
    tab.goto(f"/admin/pages/{project.pk}/edit/")
    tab.get_by_role("tab", name="Finanziamento").click()


def save_draft(tab):
    tab.get_by_role("button", name="Salva bozza").click()
    expect(tab.locator(".messages")).to_contain_text("salvat")


# Each date typed, then the field below it clicked, as in the issue: the old picker lay over it.
PROJECT_DATES = [
    ("Inizio previsto", "15/03/2026", datetime.date(2026, 3, 15), "#id_actual_start"),
    ("Fine prevista", "31/12/2027", datetime.date(2027, 12, 31), "#id_actual_end"),
    ("Inizio effettivo", "01/04/2026", datetime.date(2026, 4, 1), "#id_status_override"),
    ("Fine effettiva", "09/12/2027", datetime.date(2027, 12, 9), "#id_status_override"),
]


def test_project_dates_typed_at_a_persons_pace_stay_as_typed(editor_tab, project):
    tab = editor_tab
    open_project_dates(tab, project)
    for label, typed, _, below in PROJECT_DATES:
        field = tab.get_by_role("textbox", name=label, exact=True)
        type_like_a_person(tab, field, typed)
        click_like_a_person(tab, tab.locator(below))
        expect(field).to_have_value(typed)
        expect(calendar_of(field)).to_be_hidden()
    for label, typed, _, _ in PROJECT_DATES:
        expect(tab.get_by_role("textbox", name=label, exact=True)).to_have_value(typed)

    save_draft(tab)
    open_project_dates(tab, project)
    for label, typed, _, _ in PROJECT_DATES:
        expect(tab.get_by_role("textbox", name=label, exact=True)).to_have_value(typed)
    saved = ProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    assert [saved.planned_start, saved.planned_end, saved.actual_start, saved.actual_end] == [
        expected for _, _, expected, _ in PROJECT_DATES
    ]


def test_course_edition_dates_and_times_stay_as_typed(editor_tab, course_catalogue):
    course = CoursePageFactory(parent=course_catalogue, title="Rendicontare i fondi europei")
    CourseSessionFactory(
        course=course,
        edition="Prima edizione",
        start=datetime.datetime(2026, 1, 10, 9, 0, tzinfo=datetime.UTC),
        end=datetime.datetime(2026, 1, 10, 17, 0, tzinfo=datetime.UTC),
    )
    tab = editor_tab
    tab.goto(f"/admin/pages/{course.pk}/edit/")
    start = tab.get_by_role("textbox", name=re.compile(r"^Inizio\W*$"))
    end = tab.get_by_role("textbox", name=re.compile(r"^Fine\W*$"))
    deadline = tab.get_by_role("textbox", name="Scadenza iscrizioni")
    seats = tab.get_by_role("textbox", name="Posti disponibili").or_(
        tab.get_by_role("spinbutton", name="Posti disponibili")
    )
    typed = {start: "15/03/2026 09:30", end: "16/03/2026 17:45", deadline: "10/03/2026"}
    type_like_a_person(tab, start, typed[start])
    click_like_a_person(tab, end)
    expect(start).to_have_value(typed[start])
    type_like_a_person(tab, end, typed[end])
    click_like_a_person(tab, deadline)
    expect(end).to_have_value(typed[end])
    type_like_a_person(tab, deadline, typed[deadline])
    click_like_a_person(tab, seats.first)
    for field, text in typed.items():
        expect(field).to_have_value(text)

    save_draft(tab)
    tab.reload()
    for field, text in typed.items():
        expect(field).to_have_value(text)
    session = CoursePage.objects.get(pk=course.pk).get_latest_revision_as_object().sessions.all()[0]
    rome = datetime.timezone(datetime.timedelta(hours=1))
    assert session.start == datetime.datetime(2026, 3, 15, 9, 30, tzinfo=rome)


def test_a_contribution_receipt_date_stays_as_typed(editor_tab):
    editors_keep_the_register()
    OrganisationFactory(name="Regione Lazio")
    tab = editor_tab
    tab.goto("/admin/snippets/transparency/publiccontribution/add/")
    received = tab.get_by_role("textbox", name="Data di incasso")
    type_like_a_person(tab, received, "15/03/2026")
    click_like_a_person(tab, tab.get_by_role("textbox", name="Causale"))
    expect(received).to_have_value("15/03/2026")
    expect(calendar_of(received)).to_be_hidden()


def test_impossible_or_partial_dates_stay_as_typed_with_an_italian_error(editor_tab, project):
    tab = editor_tab
    open_project_dates(tab, project)
    cases = [
        ("Inizio previsto", "31/02/2026", "Questa non è una data valida. Formato gg/mm/aaaa"),
        ("Fine prevista", "15/03", "Questa non è una data valida. Formato gg/mm/aaaa"),
        ("Inizio effettivo", "15/03/1900", "Controlla l'anno: 1900 non è plausibile"),
        ("Fine effettiva", "2026-04-01", None),  # ISO is a date: accepted, shown back as 01/04/2026
    ]
    fields = [tab.get_by_role("textbox", name=label, exact=True) for label, _, _ in cases]
    for index, (_, typed, _) in enumerate(cases):
        type_like_a_person(tab, fields[index], typed)
        click_like_a_person(tab, fields[index + 1] if index + 1 < len(fields) else tab.locator("#id_status_override"))
        expect(fields[index]).to_have_value(typed)

    save_draft_with_errors = tab.get_by_role("button", name="Salva bozza")
    save_draft_with_errors.click()
    expect(tab.locator(".messages")).to_contain_text("non può essere salvata")
    tab.get_by_role("tab", name="Finanziamento").click()
    for field, (_, typed, error) in zip(fields, cases, strict=True):
        if error:
            expect(field).to_have_value(typed)
            expect(tab.locator(".w-field", has=field).first).to_contain_text(error)
    assert ProjectPage.objects.get(pk=project.pk).planned_start is None


def test_the_calendar_opens_from_its_button_below_the_field_and_closes_on_tab_and_esc(editor_tab, project, tmp_path):
    tab = editor_tab
    open_project_dates(tab, project)
    start = tab.get_by_role("textbox", name="Inizio previsto")
    end = tab.get_by_role("textbox", name="Fine prevista")
    calendar = calendar_of(start)

    # Typing does not open it; its button does, on the typed month, below the field.
    type_like_a_person(tab, start, "15/03/2026")
    expect(calendar).to_be_hidden()
    start.locator("xpath=..").get_by_role("button", name="Scegli dal calendario").click()
    expect(calendar).to_be_visible()
    expect(calendar.locator(".xdsoft_current.xdsoft_date")).to_have_attribute("data-date", "15")
    expect(calendar.locator(".xdsoft_label.xdsoft_month")).to_contain_text("marzo")
    box = calendar.bounding_box()
    assert box["height"] > 150, "the calendar is not shown whole"
    for neighbour in (end, tab.get_by_role("textbox", name="Inizio effettivo")):
        assert not overlap(box, neighbour.bounding_box()), "the calendar covers the next field"
    expect(start).to_have_value("15/03/2026")

    # Esc closes it and keeps the date; Tab closes it and moves on.
    tab.keyboard.press("Escape")
    expect(calendar).to_be_hidden()
    expect(start).to_have_value("15/03/2026")
    start.locator("xpath=..").get_by_role("button", name="Scegli dal calendario").click()
    expect(calendar).to_be_visible()
    start.press("Tab")
    expect(calendar).to_be_hidden()
    expect(start).to_have_value("15/03/2026")

    # Choosing a day writes it in the field's format.
    start.locator("xpath=..").get_by_role("button", name="Scegli dal calendario").click()
    calendar.locator('.xdsoft_date[data-date="20"][data-month="2"]').click()
    expect(start).to_have_value("20/03/2026")
    expect(calendar).to_be_hidden()


def test_the_schedule_dialog_keeps_typed_dates_and_its_button_in_view(editor_tab, project):
    tab = editor_tab
    tab.goto(f"/admin/pages/{project.pk}/edit/")
    tab.locator('[data-side-panel-toggle="status"]').click()
    tab.get_by_role("button", name="Programma la pubblicazione").click()
    dialog = tab.locator("#schedule-publishing-dialog")
    expect(dialog).to_be_visible()
    go_live, expire = dialog.locator("#id_go_live_at"), dialog.locator("#id_expire_at")
    save = dialog.get_by_role("button", name="Salva la programmazione")

    type_like_a_person(tab, go_live, "15/03/2098 09:30")
    click_like_a_person(tab, expire)
    expect(go_live).to_have_value("15/03/2098 09:30")
    type_like_a_person(tab, expire, "31/12/2099 18:00")
    tab.keyboard.press("Escape")
    expect(dialog).to_be_visible()
    expect(expire).to_have_value("31/12/2099 18:00")

    # The calendar, open, pushes the button down instead of lying over it.
    go_live.locator("xpath=..").get_by_role("button", name="Scegli dal calendario").click()
    calendar = calendar_of(go_live)
    expect(calendar).to_be_visible()
    save.scroll_into_view_if_needed()
    box = calendar.bounding_box()
    assert not overlap(box, save.bounding_box()), "the calendar covers «Salva la programmazione»"
    assert not overlap(box, expire.bounding_box()), "the calendar covers the expiry field"
    go_live.press("Escape")
    expect(calendar).to_be_hidden()
    expect(go_live).to_have_value("15/03/2098 09:30")

    save.click()
    expect(tab.locator(".messages")).to_contain_text("salvat")
    saved = ProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    rome = datetime.timezone(datetime.timedelta(hours=1))
    assert saved.go_live_at == datetime.datetime(2098, 3, 15, 9, 30, tzinfo=rome)
    assert saved.expire_at == datetime.datetime(2099, 12, 31, 18, 0, tzinfo=rome)
    tab.reload()
    expect(tab.locator("#id_go_live_at")).to_have_value("15/03/2098 09:30")
    expect(tab.locator("#id_expire_at")).to_have_value("31/12/2099 18:00")
