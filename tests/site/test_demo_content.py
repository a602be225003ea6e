import io

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from accessibility.models import AccessibilityStatementPage
from core.site_settings import NavigationSettings, OrganisationSettings
from home.models import HomePage
from standardpages.models import ContentPage

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "nav_items": list(NavigationSettings.objects.values_list("items__page_id", flat=True)),
        "organisation": list(OrganisationSettings.objects.values()),
    }


def test_seed_demo_builds_the_italian_site_and_a_second_run_changes_nothing(wagtail_root, client):
    call_command("seed_demo")
    first = snapshot()
    call_command("seed_demo")
    assert snapshot() == first

    home = HomePage.objects.get(locale__language_code="it")
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    # and its English translation (docs/translations.md)
    assert HomePage.objects.get(locale__language_code="en").translation_key == home.translation_key
    assert "Funded projects and training" in client.get("/en/").content.decode()
    titles = set(ContentPage.objects.live().values_list("title", flat=True))
    assert {"Chi siamo", "Contatti", "Informativa privacy"} <= titles
    assert (
        AccessibilityStatementPage.objects.live().get(locale__language_code="it").title
        == "Dichiarazione di accessibilità"
    )
    # The page about the FEI work with Regione Lazio became a project page; its old address redirects.
    moved = client.get("/regione-lazio-fondo-fei/")
    assert moved.status_code == 301
    html = client.get(moved["Location"]).content.decode()
    assert "825 milioni di euro" in html and "Dipartimento per le Libertà Civili" in html
    assert "scroll" not in html  # the old cookie banner's text is not demo content
    home_html = client.get("/").content.decode()
    assert 'id="box-corsi"' in home_html and 'id="box-progetti"' in home_html  # fed by the catalogues


def test_seed_demo_leaves_an_editors_changes_to_the_settings_alone(wagtail_root):
    call_command("seed_demo", stdout=io.StringIO())
    organisation = OrganisationSettings.objects.get()
    organisation.phone = "+39 06 9999 0000"
    organisation.save()
    call_command("seed_demo", stdout=io.StringIO())
    assert OrganisationSettings.objects.get().phone == "+39 06 9999 0000"
