"""The accessibility statement follows AgID's model: every required part is written from the fields,
an incomplete statement is refused in Italian, and the dashboard reminds editors of the yearly review
due by 23 September."""

import datetime
import re
from html import unescape

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError

from accessibility.models import AccessibilityStatementPage
from accessibility.reminders import statement_review_due
from core.site_settings import OrganisationSettings
from tests.factories.accessibility import AccessibilityFeedbackPageFactory, AccessibilityStatementPageFactory

pytestmark = pytest.mark.django_db

URL = "/dichiarazione-di-accessibilita/"
PANEL = "Dichiarazione di accessibilità: scadenza del 23 settembre"
OVERDUE = "Dichiarazione di accessibilità: scaduta del 23 settembre"


@pytest.fixture
def statement(home_page):
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.name, organisation.email = "ASAP", "accessibilita@asap.example"
    organisation.save()
    page = AccessibilityStatementPageFactory(
        parent=home_page,
        out_of_scope="<p>I video di YouTube incorporati nelle pagine.</p>",
        agid_form_url="https://form.agid.gov.it/view/1234abcd",
    )
    AccessibilityFeedbackPageFactory(parent=page)
    return page


def text_of(html):
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_the_statement_carries_every_part_of_agids_model(client, statement):
    html = client.get(URL).content.decode()
    text = text_of(html)
    assert "ASAP si impegna a rendere il proprio sito web accessibile" in text
    assert "Questo sito web è parzialmente conforme ai requisiti previsti dall'appendice A della norma" in text
    for heading in (
        "Stato di conformità",
        "Contenuti non accessibili",
        "Inosservanza della Legge 4/2004",
        "Contenuti non soggetti alla legge",
        "Redazione della dichiarazione",
        "Meccanismo di feedback e recapiti",
        "Procedura di attuazione",
    ):
        assert f">{heading}</h" in html, heading
    assert "Alcuni PDF del 2015 non hanno titoli strutturati." in text
    assert "redatta il 15 settembre 2025 e riesaminata l'ultima volta il 18 settembre 2026" in text
    assert "Metodo di valutazione: autovalutazione effettuata direttamente dall'organizzazione." in text
    assert 'href="https://form.agid.gov.it/view/1234abcd"' in html
    assert 'href="/dichiarazione-di-accessibilita/segnala-un-problema/"' in html
    assert 'href="mailto:accessibilita@asap.example"' in html and "rispondiamo entro 30 giorni" in text
    assert 'href="https://form.agid.gov.it/"' in html and "Difensore civico per il digitale" in text
    # Nothing to say about a disproportionate burden: no empty section.
    assert "Onere sproporzionato" not in text


def test_a_partly_compliant_site_must_list_what_is_not_accessible(home_page):
    page = AccessibilityStatementPage(
        title="Dichiarazione di accessibilità",
        slug="dichiarazione",
        conformance="parziale",
        non_compliant_content="<p></p>",
        first_published_on=datetime.date(2026, 9, 1),
        reviewed_on=datetime.date(2026, 8, 1),
    )
    with pytest.raises(ValidationError) as refused:
        home_page.add_child(instance=page)
    errors = refused.value.message_dict
    assert errors["non_compliant_content"] == [
        "Se il sito non è del tutto conforme, elenca qui i contenuti non accessibili e il motivo."
    ]
    assert errors["reviewed_on"] == ["L'ultimo riesame non può precedere la prima redazione."]


@pytest.mark.parametrize(
    ("today", "reviewed_on", "expected"),
    [
        (datetime.date(2027, 7, 31), datetime.date(2026, 9, 18), None),  # before August: too early
        (datetime.date(2027, 8, 1), datetime.date(2026, 9, 18), "due"),  # last year's review: due
        (datetime.date(2027, 9, 23), datetime.date(2026, 9, 23), "due"),  # the deadline day itself
        (datetime.date(2027, 9, 10), datetime.date(2027, 9, 1), None),  # renewed this year
        (datetime.date(2027, 9, 24), datetime.date(2026, 9, 18), "overdue"),
        (datetime.date(2027, 12, 31), datetime.date(2026, 9, 18), "overdue"),
        (datetime.date(2028, 1, 15), datetime.date(2026, 9, 18), None),  # a new year: reminded from August
    ],
)
def test_the_yearly_review_is_due_from_august_to_its_renewal(statement, today, reviewed_on, expected):
    statement.reviewed_on = reviewed_on
    statement.save()
    review = statement_review_due(today)
    assert (None if review is None else "overdue" if review.overdue else "due") == expected


def test_a_site_without_a_statement_is_reminded(home_page):
    review = statement_review_due(datetime.date(2027, 8, 2))
    assert review.page is None and not review.overdue


def member_of(django_user_model, group_name, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@time_machine.travel(datetime.datetime(2027, 8, 20, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_the_dashboard_reminds_editors_not_the_course_office(client, django_user_model, statement):
    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    dashboard = client.get("/admin/").content.decode()
    assert PANEL in dashboard and "entro il 23 settembre 2027" in dashboard
    assert "ultimo riesame indicato è del 18 settembre 2026" in dashboard
    assert f'href="/admin/pages/{statement.pk}/edit/"' in dashboard
    client.force_login(member_of(django_user_model, "Segreteria corsi", "segreteria"))
    assert PANEL not in client.get("/admin/").content.decode()


@time_machine.travel(datetime.datetime(2027, 10, 1, 9, 0, tzinfo=datetime.UTC), tick=False)
def test_an_overdue_review_says_so(client, django_user_model, statement):
    client.force_login(member_of(django_user_model, "Moderatori", "moderatore"))
    assert OVERDUE in client.get("/admin/").content.decode()
