"""The demo's territory topics (Lazio, Roma Capitale): a visitor sees them on the sign-up page, in
Italian and English, chooses one like any other topic, and an issue for that territory reaches her."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from wagtail.rich_text import RichText

from demo.loaders import newsletter as demo_newsletter
from newsletter.models import Mailing, NewsletterIndexPage
from newsletter.sending import start
from subscriptions.models import Subscriber, Topic
from tests.factories.newsletter import NewsletterIssuePageFactory
from tests.factories.subscriptions import topics
from tests.subscriptions.test_signup import link_in

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def demo_topics(home_page):
    topics()
    demo_newsletter.seed()
    return {topic.slug: topic for topic in Topic.objects.all()}


def test_the_signup_page_lists_the_territories_after_the_four_topics(client, demo_topics):
    page = client.get("/newsletter/iscriviti/").content.decode()
    labels = ["Corsi", "Notizie", "Avvisi e bandi", "Eventi", "Lazio", "Roma Capitale"]
    positions = [page.index(f">{label}</label>") for label in labels]
    assert positions == sorted(positions)
    assert ">Rome</label>" in client.get("/en/newsletter/subscribe/").content.decode()
    demo_newsletter.seed()
    assert Topic.objects.filter(slug__in=["lazio", "roma"]).count() == 2, "seeding again adds nothing"


def test_a_subscriber_chooses_a_territory_and_receives_its_issue(
    client, demo_topics, django_capture_on_commit_callbacks, mailoutbox
):
    data = {"email": "marta@esempio.it", "topics": [demo_topics["roma"].pk], "consent": "on", "sito_web": ""}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post("/newsletter/iscriviti/", data).status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        client.post(link_in(mailoutbox[-1]))
    marta = Subscriber.objects.get(email="marta@esempio.it")
    assert marta.status == Subscriber.Status.ACTIVE and list(marta.topics.values_list("slug", flat=True)) == ["roma"]

    archive = NewsletterIndexPage.objects.get()  # the demo's
    body = [("text", RichText("<p>Novità da Roma.</p>"))]
    for slugs in (["roma"], ["lazio"]):
        issue = NewsletterIssuePageFactory(parent=archive, title=f"Per {slugs[0]}", body=body, topic_slugs=slugs)
        mailing = Mailing.objects.create(issue=issue, subject=issue.title, topic_slugs=slugs, send_at=NOW)
        assert start(mailing.pk, now=NOW)
        expected = [marta.pk] if slugs == ["roma"] else []
        assert list(mailing.deliveries.values_list("subscriber", flat=True)) == expected


def test_moderators_add_a_territory_that_visitors_see_at_once(client, demo_topics, editorial_groups, django_user_model):
    from tests.subscriptions.test_staff import member_of

    # the Moderatori's rights as migration 0003 gives them (again, if a transactional test flushed them)
    import_module("subscriptions.migrations.0003_moderators_manage_topics").forwards(apps, None)
    client.force_login(member_of(django_user_model, "Redattori", "redattrice"))
    assert client.get("/admin/newsletter_topics/").status_code in (302, 403)
    client.force_login(member_of(django_user_model, "Moderatori", "moderatrice"))
    listing = client.get("/admin/newsletter_topics/").content.decode()
    assert "Argomenti newsletter" in listing and "Roma Capitale" in listing
    answer = client.post(
        "/admin/newsletter_topics/new/",
        {"name": "Campania", "name_en": "Campania", "slug": "campania", "sort_order": 12},
    )
    assert answer.status_code == 302
    taken = client.post(
        "/admin/newsletter_topics/new/", {"name": "Altro", "name_en": "Other", "slug": "lazio", "sort_order": 1}
    )
    assert taken.status_code == 200 and list(taken.context["form"].errors) == ["slug"]
    assert Topic.objects.filter(slug="lazio").get().name == "Lazio"
    client.logout()
    assert ">Campania</label>" in client.get("/newsletter/iscriviti/").content.decode()
