"""Redattori write news and submit them; Moderatori publish: the page permissions and the workflow of
core's migrations cover the new page types (they are granted on the tree's root)."""

import pytest
from django.contrib.auth.models import Group

from news.models import NewsArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(django_user_model, editorial_groups):
    def member(username, group):
        user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
        user.groups.add(Group.objects.get(name=group))
        return user

    return member("redattrice", "Redattori"), member("moderatore", "Moderatori")


def test_a_redattrice_writes_and_submits_and_a_moderatore_publishes(client, news_index, people):
    editor, moderator = people
    client.force_login(editor)
    form = {
        "title": "Al via il progetto",
        "slug": "al-via",
        "date": "01/03/2026",
        "kind": "notizia",
        "summary": "Parte il progetto.",
        "body-count": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "documents-MIN_NUM_FORMS": "0",
        "documents-MAX_NUM_FORMS": "1000",
        "action-submit": "Invia in approvazione",
    }
    response = client.post(f"/admin/pages/add/news/newsarticlepage/{news_index.pk}/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    article = NewsArticlePage.objects.get(slug="al-via")
    assert not article.live and article.current_workflow_state is not None
    permissions = article.permissions_for_user(editor)
    assert permissions.can_edit() and not permissions.can_publish()
    assert news_index.permissions_for_user(editor).can_add_subpage()
    assert article.permissions_for_user(moderator).can_publish()
