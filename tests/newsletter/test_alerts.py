"""The weekly alerts: "Nuovi corsi" and "Nuovi avvisi" only when something new was published in the
week just ended, once a week, and not at all when the editors switch them off."""

import datetime

import pytest
from django.core import mail
from wagtail.models import Site

from news.kinds import Kind
from newsletter import alerts
from newsletter.alerts import queue_weekly_alerts
from newsletter.models import Mailing, NewsletterSettings
from tests.factories.courses import CoursePageFactory
from tests.factories.news import NewsArticlePageFactory
from tests.factories.subscriptions import SubscriberFactory, topics

pytestmark = pytest.mark.django_db
MONDAY = datetime.datetime(2026, 12, 7, 6, 0, tzinfo=datetime.UTC)  # 7 dicembre, 7:00 a Roma
LAST_WEEK = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=datetime.UTC)
TWO_WEEKS_AGO = datetime.datetime(2026, 11, 26, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def after_commit(django_capture_on_commit_callbacks, monkeypatch):
    """The sending task is queued after commit: run it then, as the worker would."""

    def queue_and_run(now):
        with django_capture_on_commit_callbacks(execute=True):
            return queue_weekly_alerts(now)

    monkeypatch.setattr(alerts, "queue_weekly_alerts", queue_and_run)


@pytest.fixture(autouse=True)
def audience(home_page, settings):
    settings.NEWSLETTER_RATE_PER_SECOND = 0
    topics()
    return {
        "corsi": SubscriberFactory(topic_slugs=["corsi"]),
        "avvisi": SubscriberFactory(topic_slugs=["avvisi"]),
        "notizie": SubscriberFactory(topic_slugs=["notizie"]),
    }


def published(page, when):
    type(page).objects.filter(pk=page.pk).update(first_published_at=when)
    return page


@pytest.fixture
def new_course(course_catalogue):
    return published(CoursePageFactory(parent=course_catalogue, title="Rendicontare il FAMI"), LAST_WEEK)


@pytest.fixture
def news_index(home_page):
    from tests.factories.news import NewsIndexPageFactory

    return NewsIndexPageFactory(parent=home_page)


def test_a_new_course_goes_to_the_course_subscribers_only(new_course, audience):
    alerts.queue_weekly_alerts(MONDAY)
    assert [m.to for m in mail.outbox] == [[audience["corsi"].email]]
    message = mail.outbox[0]
    assert message.subject == "Nuovi corsi" and "Rendicontare il FAMI" in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_a_new_call_goes_to_the_calls_subscribers_but_plain_news_does_not(news_index, audience):
    published(NewsArticlePageFactory(parent=news_index, title="Bando per le scuole", kind=Kind.CALL), LAST_WEEK)
    published(NewsArticlePageFactory(parent=news_index, title="Una notizia qualunque"), LAST_WEEK)
    alerts.queue_weekly_alerts(MONDAY)
    assert [m.to for m in mail.outbox] == [[audience["avvisi"].email]]
    assert mail.outbox[0].subject == "Nuovi avvisi"
    assert "Bando per le scuole" in mail.outbox[0].body and "Una notizia qualunque" not in mail.outbox[0].body


def test_nothing_new_in_the_week_means_no_alert(course_catalogue):
    published(CoursePageFactory(parent=course_catalogue), TWO_WEEKS_AGO)
    assert "Nuovi corsi: niente di nuovo nella settimana 2026-W49." in alerts.queue_weekly_alerts(MONDAY)
    assert not mail.outbox and not Mailing.objects.exists()


def test_an_alert_goes_once_a_week(new_course):
    alerts.queue_weekly_alerts(MONDAY)
    alerts.queue_weekly_alerts(MONDAY + datetime.timedelta(days=1))
    assert len(mail.outbox) == 1


def test_editors_switch_an_alert_off(new_course):
    switches = NewsletterSettings.for_site(Site.objects.get(is_default_site=True))
    switches.courses_alert = False
    switches.save()
    assert "Nuovi corsi: disattivato nelle impostazioni." in alerts.queue_weekly_alerts(MONDAY)
    assert not mail.outbox
