"""Organisation pages have readable addresses (/progetti/ente/regione-lazio/), made from the name
once and kept when it changes; the old numeric addresses redirect there permanently."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from projects.models import Organisation
from tests.factories.projects import OrganisationFactory
from tests.i18n.conftest import translate

pytestmark = pytest.mark.django_db


def test_the_address_comes_from_the_name_and_stays_when_the_name_changes():
    region = OrganisationFactory(name="Regione Lazio")
    assert region.slug == "regione-lazio"
    region.name = "Regione Lazio - Direzione Politiche Sociali"
    region.save()
    region.refresh_from_db()
    assert region.slug == "regione-lazio"


def test_addresses_are_unique_and_never_digits_only():
    assert OrganisationFactory(name="Comune di Roma").slug == "comune-di-roma"
    assert OrganisationFactory(name="Comune di Roma!").slug == "comune-di-roma-2"
    assert OrganisationFactory(name="2024").slug == "ente-2024"
    numeric = Organisation(name="Ente numerico", slug="12345")
    with pytest.raises(ValidationError) as error:
        numeric.full_clean()
    assert error.value.message_dict["slug"] == ["L'indirizzo deve contenere almeno una lettera (solo cifre no)."]


def test_editors_see_an_italian_help_text():
    help_text = Organisation._meta.get_field("slug").help_text
    assert "/progetti/ente/regione-lazio/" in help_text and "Lascia vuoto" in help_text


def test_the_migration_gives_every_existing_organisation_an_address():
    names = ["Regione Lazio", "Ministero dell'Interno", "Università di Roma Tor Vergata"]
    for name in names:
        OrganisationFactory(name=name)
    for organisation in Organisation.objects.all():  # as before the migration: no address yet
        Organisation.objects.filter(pk=organisation.pk).update(slug=f"x{organisation.pk}")
    migration = importlib.import_module("projects.migrations.0010_organisation_slug")
    migration.backfill(apps, None)
    assert sorted(Organisation.objects.values_list("slug", flat=True)) == [
        "ministero-dellinterno",
        "regione-lazio",
        "universita-di-roma-tor-vergata",
    ]


def test_old_numeric_addresses_redirect_permanently(client, project_catalogue, portfolio):
    region = portfolio["regione"]
    response = client.get(f"{project_catalogue.url}ente/{region.pk}/?fondo=3")
    assert response.status_code == 301
    assert response["Location"] == "/progetti/ente/regione-lazio/?fondo=3"
    assert client.get(f"{project_catalogue.url}ente/{region.pk + 1000}/").status_code == 404
    page = client.get("/progetti/ente/regione-lazio/")
    assert page.status_code == 200
    assert "<h1>Regione Lazio" in page.content.decode()


def test_project_pages_link_organisations_by_their_address(client, portfolio):
    html = client.get(portfolio["projects"]["concluded"].url).content.decode()
    assert 'href="/progetti/ente/regione-lazio/"' in html


def test_english_pages_under_the_english_catalogue(client, english, home_page, project_catalogue, portfolio):
    translate(home_page, english, title="Home", slug="home-en")
    translate(project_catalogue, english, title="Projects", slug="projects")
    region = portfolio["regione"]
    response = client.get(f"/en/projects/ente/{region.pk}/")
    assert response.status_code == 301
    assert response["Location"] == "/en/projects/ente/regione-lazio/"
    assert client.get("/en/projects/ente/regione-lazio/").status_code == 200
    html = client.get("/en/projects/enti/").content.decode()
    assert "<h1>Organisations and partners</h1>" in html
