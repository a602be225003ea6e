"""The editor's path through a newsletter issue in a real browser: a Moderatrice opens a published
issue, sends herself a test, then schedules it for tomorrow morning, typing the date key by key; a
Redattrice on the same screen is told that sending is for moderators. The previews as e-mail are
rendered in tests/newsletter/test_compose.py: driving the admin's preview panel here was flaky."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.rich_text import RichText

from newsletter.models import Mailing
from tests.browser.people import log_in, member_of, reads_italian, type_like_a_person
from tests.factories.news import NewsArticlePageFactory, NewsIndexPageFactory
from tests.factories.newsletter import NewsletterIndexPageFactory, NewsletterIssuePageFactory
from tests.factories.subscriptions import SubscriberFactory, topics

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def issue(editorial_groups):
    import_module("newsletter.migrations.0002_moderators_send").forwards(apps, None)
    topics()
    news = NewsIndexPageFactory(parent=editorial_groups)
    article = NewsArticlePageFactory(parent=news, title="Aperto il bando FAMI 2027")
    archive = NewsletterIndexPageFactory(parent=editorial_groups)
    SubscriberFactory(topic_slugs=["notizie"])
    body = [("text", RichText("<p>Cari lettori, ecco le novità.</p>")), ("news", article)]
    return NewsletterIssuePageFactory(parent=archive, title="Newsletter di dicembre", body=body)


def open_sending_page(tab, issue):
    tab.goto(f"/admin/pages/{issue.pk}/edit/")
    tab.locator("footer [data-w-dropdown-target='toggle']").first.click()
    tab.get_by_role("link", name="Prova e invio agli iscritti").click()
    expect(tab.get_by_role("heading", level=1)).to_contain_text("Invio: Newsletter di dicembre")


def test_a_moderator_tests_and_schedules_an_issue(tab, issue, django_user_model):
    member_of(django_user_model, "moderatrice", "Moderatori")
    log_in(tab, "moderatrice")
    open_sending_page(tab, issue)
    reads_italian(tab, "newsletter-invio")
    tab.get_by_role("button", name="Invia una prova a me").click()
    expect(tab.locator(".messages")).to_contain_text("E-mail di prova inviata a moderatrice@asap.example")
    assert [m.subject for m in mail.outbox] == ["[Prova] Newsletter di dicembre"]

    tomorrow = (timezone.localdate() + datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    type_like_a_person(tab, tab.get_by_label("Data e ora dell'invio"), f"{tomorrow} 09:30")
    tab.get_by_role("button", name="Programma l'invio").click()
    expect(tab.locator(".messages")).to_contain_text("Invio programmato:")
    expect(tab.get_by_text("Stato: Programmato")).to_be_visible()
    mailing = Mailing.objects.get()
    assert mailing.status == Mailing.Status.SCHEDULED
    assert timezone.localtime(mailing.send_at).strftime("%d/%m/%Y %H:%M") == f"{tomorrow} 09:30"  # Rome time
    assert len(mail.outbox) == 1  # only the test: the subscriber gets it tomorrow


def test_an_editor_sends_a_test_but_not_the_issue(tab, issue, django_user_model):
    member_of(django_user_model, "redattrice", "Redattori")
    log_in(tab, "redattrice")
    open_sending_page(tab, issue)
    expect(tab.get_by_text("L'invio agli iscritti spetta ai moderatori")).to_be_visible()
    expect(tab.get_by_role("button", name="Invia ora")).to_have_count(0)
    tab.get_by_role("button", name="Invia una prova a me").click()
    expect(tab.locator(".messages")).to_contain_text("E-mail di prova inviata a redattrice@asap.example")
