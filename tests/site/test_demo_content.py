import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from home.models import ContentPage, HomePage, NavigationSettings, OrganisationSettings

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

    home = HomePage.objects.get()
    assert Site.objects.get(is_default_site=True).root_page_id == home.pk
    titles = set(ContentPage.objects.live().values_list("title", flat=True))
    assert {"Chi siamo", "Contatti", "Informativa privacy", "Dichiarazione di accessibilità"} <= titles
    fei = ContentPage.objects.get(slug="regione-lazio-fondo-fei")
    html = client.get(fei.url).content.decode()
    assert "825 milioni di euro" in html and "Dipartimento per le Libertà Civili" in html
    assert "scroll" not in html  # the old cookie banner's text is not demo content
    assert client.get("/").status_code == 200
