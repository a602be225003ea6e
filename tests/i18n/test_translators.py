"""A Redattrice translates a page with wagtail-localize: "Traduci questa pagina" on the Italian page,
English chosen, and the translation editor opens on the English draft, in Italian."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page

from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def about(editorial_groups, english):
    return ContentPageFactory(parent=editorial_groups, title="Chi siamo", slug="chi-siamo")


def member(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.mark.parametrize("group", ["Redattori", "Moderatori"])
def test_editors_translate_a_page_and_the_translation_editor_opens(client, django_user_model, about, english, group):
    client.force_login(member(django_user_model, group, "traduttrice"))
    edit = client.get(f"/admin/pages/{about.pk}/edit/").content.decode()
    assert "Traduci questa pagina" in edit
    submit_url = f"/admin/localize/submit/page/{about.pk}/"
    assert submit_url in edit
    response = client.post(submit_url, {"locales": [english.pk]})
    translated = Page.objects.get(translation_key=about.translation_key, locale=english)
    assert response.status_code == 302 and response["Location"] == f"/admin/pages/{translated.pk}/edit/"
    assert not translated.live
    editor = client.get(response["Location"])
    assert editor.status_code == 200
    assert "header-meta--locales" in editor.content.decode()  # wagtail-localize's editor, not Wagtail's form


def test_the_course_desk_does_not_translate(client, django_user_model, about, english):
    client.force_login(member(django_user_model, "Segreteria corsi", "segreteria"))
    assert client.post(f"/admin/localize/submit/page/{about.pk}/", {"locales": [english.pk]}).status_code in (302, 403)
    assert not Page.objects.filter(translation_key=about.translation_key, locale=english).exists()
