"""The translation workflow editors keep up with: an Italian page changed after its English translation
was last synced shows on the dashboard ("Traduzioni da aggiornare") until someone syncs it; an outside
translator works on a PO file; a machine translator fills the segments when one is configured (off
by default); the Traduttori translate and write English pages, and nothing else."""

import datetime
import importlib
import json
from html import unescape
from zoneinfo import ZoneInfo

import polib
import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.module_loading import import_string
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from demo.loaders.english import translate
from editorial.translations import outdated_translations
from tests.factories import ContentPageFactory

pytestmark = pytest.mark.django_db

ROME = ZoneInfo("Europe/Rome")
MONDAY = datetime.datetime(2026, 12, 7, 9, 0, tzinfo=ROME)
DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def member(django_user_model, group, username):
    user = django_user_model.objects.create_user(username, f"{username}@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name=group))
    return user


def translated_page(home_page, english, title, slug, **strings):
    """An Italian page and its English translation, made through wagtail-localize's records."""
    page = ContentPageFactory(parent=home_page, title=title, slug=slug, intro=f"Sommario di {title}.")
    translate(page, english, {slug: f"{slug}-en", title: f"{title} (EN)", **strings})
    return page, page.get_translation(english)


@pytest.fixture
def about(editorial_groups, english):
    with time_machine.travel(MONDAY, tick=False):
        translate(editorial_groups, english, {"home": "home-en"})
        return translated_page(editorial_groups, english, "Chi siamo", "chi-siamo")


def change(page, when, **fields):
    with time_machine.travel(when, tick=False):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()


def panel(client):
    html = client.get("/admin/").content.decode()
    assert 'id="traduzioni-da-aggiornare' in html
    return html.split('id="traduzioni-da-aggiornare', 1)[1]


def test_a_changed_italian_page_is_listed_until_its_translation_is_published(client, django_user_model, about):
    italian, english_page = about
    client.force_login(member(django_user_model, "Redattori", "redattrice"))
    assert "Tutte le traduzioni sono aggiornate." in panel(client)

    change(italian, MONDAY + datetime.timedelta(days=2), intro="Sommario nuovo.")
    listed = panel(client)
    assert "Chi siamo" in listed and "Chi siamo (EN)" in listed
    assert "originale è cambiato" in listed and "modificato il 9 dicembre 2026, ore 9:00" in listed
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    sync_url = f"/admin/localize/update/{translation.source_id}/?next=%2Fadmin%2F"
    assert sync_url in listed
    assert f"/admin/pages/{english_page.pk}/edit/" in listed  # the translation editor

    with time_machine.travel(MONDAY + datetime.timedelta(days=3), tick=False):
        assert client.post(sync_url).status_code == 302
    # the new Italian text waits in the editor, to be translated; the English page waits to be published
    assert translation.source.stringsegment_set.filter(string__data="Sommario nuovo.").exists()
    listed = panel(client)
    assert "Da pubblicare" in listed and "Sincronizza</a>" not in listed
    submit_url = reverse("editorial_submit_translation", args=[translation.pk])
    assert submit_url in listed
    StringTranslation.objects.create(
        translation_of=translation.source.stringsegment_set.get(string__data="Sommario nuovo.").string,
        locale=english_page.locale,
        context=translation.source.stringsegment_set.get(string__data="Sommario nuovo.").context,
        data="A new summary.",
    )
    response = client.post(submit_url, {"next": "/admin/"})
    assert response.status_code == 302 and response["Location"] == "/admin/"
    english_page.refresh_from_db()
    assert english_page.workflow_in_progress and english_page.intro != "A new summary."  # not live yet
    assert english_page.get_latest_revision_as_object().intro == "A new summary."
    assert "In approvazione" in panel(client) and submit_url not in panel(client)

    with time_machine.travel(MONDAY + datetime.timedelta(days=4), tick=False):
        english_page.get_latest_revision().publish()  # the moderator approves
    assert "Tutte le traduzioni sono aggiornate." in panel(client)


def test_the_course_desk_may_not_submit_a_translation(client, django_user_model, about):
    translation = Translation.objects.get(source__object_id=about[0].translation_key)
    client.force_login(member(django_user_model, "Segreteria corsi", "segreteria"))
    response = client.post(reverse("editorial_submit_translation", args=[translation.pk]))
    assert response.status_code in (302, 403)
    assert not about[1].get_latest_revision_as_object().workflow_in_progress


def test_the_list_costs_the_same_queries_for_one_or_many_translations(editorial_groups, english, about):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            found = outdated_translations()
        return len(captured), len(found)

    change(about[0], MONDAY + datetime.timedelta(days=1), intro="Uno.")
    one = queries()
    for number in range(3):
        with time_machine.travel(MONDAY, tick=False):
            page, _ = translated_page(editorial_groups, english, f"Progetto {number}", f"progetto-{number}")
        change(page, MONDAY + datetime.timedelta(days=1), intro="Cambiato.")
    many = queries()
    assert (one[1], many[1]) == (1, 4)
    assert one[0] == many[0]


def test_the_course_desk_sees_no_translations_panel(client, django_user_model, about):
    client.force_login(member(django_user_model, "Segreteria corsi", "segreteria"))
    assert "traduzioni-da-aggiornare" not in client.get("/admin/").content.decode()


def test_a_translator_translates_english_pages_and_nothing_else(client, django_user_model, about, course_catalogue):
    italian, english_page = about
    change(italian, MONDAY + datetime.timedelta(days=2), intro="Sommario nuovo.")
    client.force_login(member(django_user_model, "Traduttori", "traduttrice"))
    assert "Chi siamo (EN)" in panel(client)
    editor = client.get(f"/admin/pages/{english_page.pk}/edit/")
    assert editor.status_code == 200 and "header-meta--locales" in editor.content.decode()
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    assert client.post(f"/admin/localize/update/{translation.source_id}/").status_code == 302  # Sincronizza
    for forbidden in (
        f"/admin/pages/{italian.pk}/edit/",  # the Italian page
        "/admin/course_enquiries/",  # the enquiries
        "/admin/snippets/",
        "/admin/images/",
    ):
        response = client.get(forbidden)
        assert response.status_code in (302, 403), forbidden
    translator = django_user_model.objects.get(username="traduttrice")
    permissions = english_page.permissions_for_user(translator)
    assert permissions.can_edit() and not permissions.can_publish()


def test_an_outside_translator_fills_a_po_file(client, django_user_model, about):
    italian, english_page = about
    client.force_login(member(django_user_model, "Redattori", "redattrice"))
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    assert download["Content-Disposition"] == "attachment; filename=chi-siamo-en.po"
    po = polib.pofile(download.content.decode())
    entry = next(entry for entry in po if entry.msgid == "Sommario di Chi siamo.")
    assert entry.msgstr == ""  # not translated yet
    entry.msgstr = "A summary of About us."
    upload = SimpleUploadedFile("chi-siamo-en.po", str(po).encode(), content_type="text/x-gettext-translation")
    editor_url = f"/admin/pages/{english_page.pk}/edit/"
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload, "next": editor_url}
    )
    assert response.status_code == 302 and response["Location"] == editor_url
    assert StringTranslation.objects.get(translation_of__data="Sommario di Chi siamo.").data == "A summary of About us."
    assert "Traduzioni importate con successo dal file PO." in client.get(editor_url).content.decode()


def editor_props(client, page):
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    start = html.index('data-props="') + len('data-props="')
    return json.loads(unescape(html[start : html.index('"', start)]))


def test_no_machine_translator_by_default(client, django_user_model, about):
    italian, english_page = about
    client.force_login(member(django_user_model, "Redattori", "redattrice"))
    assert editor_props(client, english_page)["machineTranslator"] is None
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    assert client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk])).status_code == 404


def test_the_machine_translator_fills_the_untranslated_segments(client, django_user_model, about, settings):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    italian, english_page = about
    client.force_login(member(django_user_model, "Redattori", "redattrice"))
    # the editor's button: "Traduci con Traduttore fittizio"
    assert editor_props(client, english_page)["machineTranslator"]["name"] == "Traduttore fittizio"
    translation = Translation.objects.get(source__object_id=italian.translation_key)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]),
        {"next": f"/admin/pages/{english_page.pk}/edit/"},
    )
    assert response.status_code == 302
    filled = StringTranslation.objects.get(translation_of__data="Sommario di Chi siamo.", locale=english_page.locale)
    assert filled.data == "siamo. Chi di Sommario"  # the dummy translator reverses the words
    assert StringTranslation.objects.get(translation_of__data="Chi siamo").data == "Chi siamo (EN)"  # kept
    assert Page.objects.get(pk=english_page.pk).title == "Chi siamo (EN)"


def test_a_deepl_key_turns_on_deepl_into_british_english(monkeypatch, english):
    monkeypatch.setenv("DEEPL_AUTH_KEY", "chiave-di-prova:fx")
    from asap_site.settings import base, environment

    configured = environment.settings_of(importlib.reload(base))["WAGTAILLOCALIZE_MACHINE_TRANSLATOR"]
    monkeypatch.delenv("DEEPL_AUTH_KEY")
    del base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR  # a reload keeps the names it does not define again
    assert "WAGTAILLOCALIZE_MACHINE_TRANSLATOR" not in environment.settings_of(importlib.reload(base))
    translator = import_string(configured["CLASS"])(configured["OPTIONS"])
    italian = english.get_default()
    assert translator.get_parameters(italian, english, [])["target_lang"] == "EN-GB"
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"
