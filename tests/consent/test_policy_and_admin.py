"""The generated cookie policy, the registry and consent records in the admin, click-to-load embeds
and the demo content."""

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from analytics.models import AnalyticsSettings
from consent.models import CookieDetails, CookiePolicyPage
from core.site_settings import OrganisationSettings
from tests.factories import ContentPageFactory
from tests.factories.consent import ConsentRecordFactory, CookieDetailsFactory, CookieFactory, CookieGroupFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy_page(home_page, registry):
    page = CookiePolicyPage(title="Cookie policy", slug="cookie-policy", intro="Come usiamo i cookie.")
    home_page.add_child(instance=page)
    return page


def test_policy_page_lists_every_registered_cookie_with_its_facts(client, policy_page):
    html = client.get(policy_page.url).content.decode()
    assert "Come usiamo i cookie." in html
    for text in (
        "Necessari",
        "Statistiche",
        "Video di terze parti",
        "cookie_consent",
        "YSC",
        ".youtube.com",
        "Google Ireland (YouTube)",
        "6 mesi",
        "Sessione",
        "Tecnico, di prima parte",
        "Non tecnico, di terza parte",
        "Questa categoria non salva cookie",
    ):
        assert text in html, text
    assert 'href="/cookie/preferenze/"' in html


def test_policy_page_query_count_is_constant(client, policy_page, registry):
    client.get(policy_page.url)
    with CaptureQueriesContext(connection) as few:
        client.get(policy_page.url)
    for index in range(15):
        group = CookieGroupFactory(ordering=30 + index)
        CookieDetailsFactory(cookie=CookieFactory(cookiegroup=group))
        CookieFactory(cookiegroup=group)  # without details: the page still shows it
    client.get(policy_page.url)  # the registry changed: rebuild the cached banner
    with CaptureQueriesContext(connection) as many:
        html = client.get(policy_page.url).content.decode()
    assert len(many) == len(few)
    assert html.count('<th scope="row">') == 2 + 15 * 2


def test_editors_search_consent_records_but_cannot_change_them(client, django_user_model):
    wanted = ConsentRecordFactory(consent_id="a" * 32)
    ConsentRecordFactory(consent_id="b" * 32)
    editor = django_user_model.objects.create_user("redattore", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/registro-consensi/").status_code in (302, 403)

    editor.user_permissions.add(Permission.objects.get(codename="view_consentrecord"))
    response = client.get("/admin/registro-consensi/", {"q": "a" * 32})
    assert response.status_code == 200
    html = response.content.decode()
    assert "a" * 32 in html and "b" * 32 not in html
    assert client.get(f"/admin/registro-consensi/inspect/{wanted.pk}/").status_code == 200
    assert client.get("/admin/registro-consensi/new/").status_code in (302, 403)
    assert client.get(f"/admin/registro-consensi/edit/{wanted.pk}/").status_code in (302, 403)
    assert client.get("/admin/registro-consensi/", {"q": "x" * 500, "p": "abc"}).status_code in (200, 404)


def test_superuser_cannot_edit_records_either(client, superuser):
    record = ConsentRecordFactory()
    client.force_login(superuser)
    assert client.get(f"/admin/registro-consensi/edit/{record.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/registro-consensi/delete/{record.pk}/").status_code in (302, 403)
    record.refresh_from_db()


def test_cookie_form_in_the_admin_saves_the_policy_details(client, superuser, registry):
    client.force_login(superuser)
    response = client.post(
        "/admin/snippets/cookie_consent/cookie/add/",
        {
            "cookiegroup": registry["videos"].pk,
            "name": "vuid",
            "description": "Statistiche dei video di Vimeo.",
            "domain": ".vimeo.com",
            "path": "/",
            "provider": "Vimeo",
            "duration": "2 anni",
            "is_third_party": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    details = CookieDetails.objects.get(cookie__name="vuid")
    assert (details.provider, details.duration, details.is_third_party) == ("Vimeo", "2 anni", True)
    edit = client.get(f"/admin/snippets/cookie_consent/cookie/edit/{details.cookie_id}/").content.decode()
    assert 'value="Vimeo"' in edit and "Fornitore" in edit and "Nome tecnico" not in edit

    group_form = client.get(f"/admin/snippets/cookie_consent/cookiegroup/edit/{registry['videos'].pk}/")
    assert "Nome tecnico" in group_form.content.decode() and "Necessario" in group_form.content.decode()
    bad = client.post(
        "/admin/snippets/cookie_consent/cookiegroup/add/", {"varname": "con spazi", "name": "X", "ordering": "a"}
    )
    assert bad.status_code == 200 and "Inserisci un nome tecnico valido" in bad.content.decode()
    assert not CookieGroup.objects.filter(name="X").exists()


def test_embeds_are_click_to_load_with_the_provider_named(client, home_page):
    url = "https://www.youtube.com/watch?v=xyz"
    Embed.objects.create(
        hash=get_embed_hash(url),
        url=url,
        type="video",
        html='<iframe src="https://www.youtube.com/embed/xyz"></iframe>',
    )
    page = ContentPageFactory(parent=home_page, body=[("embed", {"embed": url, "title": "Il video"})])
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html
    assert "&lt;iframe src=&quot;https://www.youtube.com/embed/xyz&quot;&gt;" in html
    assert "Carica il contenuto da youtube.com" in html


def test_demo_creates_the_generated_policy_and_switches_first_party_statistics_on(wagtail_root, client):
    call_command("seed_demo")
    call_command("seed_demo")
    policy = CookiePolicyPage.objects.get(locale__language_code="it")
    organisation = OrganisationSettings.objects.get()
    assert organisation.cookie_policy_page_id == policy.pk
    analytics = AnalyticsSettings.objects.get()
    assert analytics.provider == "first_party" and analytics.cookie_group.varname == "statistiche"
    assert Cookie.objects.filter(cookiegroup__varname="necessari").count() == 3
    html = client.get(policy.url).content.decode()
    assert "VISITOR_INFO1_LIVE" in html and "Preferenze cookie" in html


def test_previews_carry_neither_the_banner_nor_analytics(client, registry, home_page):
    page = ContentPageFactory(parent=home_page, title="Bozza")
    preview = page.make_preview_request().render().content.decode()
    live = client.get(page.url).content.decode()
    assert 'data-analytics-group="statistiche"' in live
    assert 'id="consent-banner"' in live
    # The banner would cover the page the editor is checking; analytics must not count her visits.
    assert 'id="consent-banner"' not in preview and "data-analytics-group" not in preview
