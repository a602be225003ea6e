"""Choosers on the project form: readable labels, a "Nuovo" tab, and programmes narrowed to the fund."""

import re

import pytest
from django.contrib.auth.models import Group

from projects.models import FundingProgramme, Organisation
from tests.factories.projects import FundFactory, FundingProgrammeFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_user("redattrice", "redattrice@asap.example", "password-lunga-1")
    user.groups.add(Group.objects.get(name="Redattori"))
    client.force_login(user)
    return user


def modal_html(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.json()["html"]


def test_the_programme_chooser_lists_only_the_chosen_funds_programmes(client, editor):
    fei = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI", period_start=2007, period_end=2013)
    fami = FundFactory(
        name="Fondo Asilo, Migrazione e Integrazione", acronym="FAMI", period_start=2014, period_end=2020
    )
    FundingProgrammeFactory(fund=fei, code="PA2011", name="Programma annuale 2011")
    FundingProgrammeFactory(fund=fami, code="PN", name="Programma nazionale FAMI")
    everything = modal_html(client, "/admin/snippets/choose/projects/fundingprogramme/")
    assert "PA2011 Programma annuale 2011 (FEI 2007-2013)" in everything and "Programma nazionale FAMI" in everything
    narrowed = modal_html(client, f"/admin/snippets/choose/projects/fundingprogramme/?fund={fei.pk}")
    assert "Programma annuale 2011" in narrowed and "Programma nazionale FAMI" not in narrowed
    # The "Nuovo" tab starts from the same fund, and the search keeps the filter.
    assert re.search(rf'<option value="{fei.pk}" selected>', narrowed)
    results = client.get(f"/admin/snippets/choose/projects/fundingprogramme/results/?fund={fei.pk}&q=Programma")
    assert "Programma nazionale FAMI" not in results.content.decode()
    # Nonsense in the URL is ignored, not an error.
    assert "Programma nazionale FAMI" in modal_html(client, "/admin/snippets/choose/projects/fundingprogramme/?fund=x")


def test_an_editor_creates_a_partner_from_the_chooser(client, editor):
    OrganisationFactory(name="Regione Lazio")
    html = modal_html(client, "/admin/snippets/choose/projects/organisation/")
    assert "Scegli un&#x27;organizzazione" in html and "Crea e scegli" in html
    # The creation form's ids cannot clash with the page's own fields behind the modal.
    assert 'id="id_new_organisation_name"' in html
    response = client.post(
        "/admin/snippets/choose/projects/organisation/create/",
        {"name": "Associazione Ponti Nuovi", "acronym": "APN", "kind": "non-profit", "city": "Latina"},
    )
    data = response.json()
    assert data["step"] == "chosen"
    created = Organisation.objects.get(name="Associazione Ponti Nuovi")
    assert data["result"] == {
        "id": str(created.pk),
        "string": "Associazione Ponti Nuovi (APN)",
        "edit_url": data["result"]["edit_url"],
    }


def test_a_duplicate_name_is_refused_in_italian_inside_the_modal(client, editor):
    OrganisationFactory(name="Regione Lazio")
    response = client.post(
        "/admin/snippets/choose/projects/organisation/create/", {"name": "Regione Lazio", "kind": "regione"}
    )
    data = response.json()
    assert data["step"] == "reshow_creation_form"
    assert "«Nome» già usato da un altro elemento (Organizzazione): scegline uno diverso." in data["htmlFragment"]


def test_a_programme_created_from_the_chooser_belongs_to_the_chosen_fund(client, editor):
    fund = FundFactory(acronym="FSE+")
    response = client.post(
        f"/admin/snippets/choose/projects/fundingprogramme/create/?fund={fund.pk}",
        {"name": "Programma regionale Lazio", "code": "PR-LAZIO", "level": "programma", "fund": str(fund.pk)},
    )
    assert response.json()["step"] == "chosen"
    assert FundingProgramme.objects.get(code="PR-LAZIO").fund == fund


def test_the_project_form_links_the_programme_chooser_to_the_fund(client, editor, project_catalogue):
    html = client.get(f"/admin/pages/add/projects/projectpage/{project_catalogue.pk}/").content.decode()
    assert '"linkedFields": {"fund": "#id_fund"}' in html
    assert "Scegli un fondo" in html and "Scegli un programma" in html


def png_upload(name="logo.png"):
    from io import BytesIO

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (120, 60), "#1f4e8c").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def test_a_new_partner_from_the_chooser_gets_its_logo_and_fiscal_code(client, editor):
    html = modal_html(client, "/admin/snippets/choose/projects/organisation/")
    assert 'enctype="multipart/form-data"' in html
    assert "Codice fiscale" in html and "Logo" in html
    response = client.post(
        "/admin/snippets/choose/projects/organisation/create/",
        {
            "name": "Comune di Latina",
            "kind": "comune",
            "fiscal_code": "00097020598",
            "logo_file": png_upload(),
        },
    )
    assert response.json()["step"] == "chosen", response.json()
    created = Organisation.objects.select_related("logo").get(name="Comune di Latina")
    assert created.fiscal_code == "00097020598"
    assert created.logo.title == "Logo Comune di Latina"
    assert created.logo.uploaded_by_user == editor
    assert (created.logo.width, created.logo.height) == (120, 60)


def test_a_file_that_is_no_image_is_refused_in_italian_inside_the_modal(client, editor):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/admin/snippets/choose/projects/organisation/create/",
        {"name": "Comune di Latina", "kind": "comune", "logo_file": SimpleUploadedFile("logo.png", b"not an image")},
    )
    data = response.json()
    assert data["step"] == "reshow_creation_form"
    assert not Organisation.objects.filter(name="Comune di Latina").exists()
    assert "immagine" in data["htmlFragment"].lower()


def test_the_fund_chooser_lists_only_the_italian_funds_the_form_accepts(client, editor):
    """A fund translated into English has two rows; projects point at the Italian one, so the modal
    shows that one only, with no language filter for the editor to get wrong."""
    from wagtail.models import Locale

    fei = FundFactory(name="Fondo Europeo per l'Integrazione", acronym="FEI", description="Fondo per l'integrazione.")
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = fei.copy_for_translation(english)
    translation.description = "Fund for integration."
    translation.save()
    html = modal_html(client, "/admin/snippets/choose/projects/fund/")
    assert html.count("Fondo Europeo per l&#x27;Integrazione") == 1
    assert f'data-chooser-modal-choice="{fei.pk}"' in html or f"/{fei.pk}/" in html
    assert f"/{translation.pk}/" not in html
    assert 'name="locale"' not in html
