import pytest
from django.core.management import call_command
from django.urls import reverse

from core.site_settings import NavigationSettings
from projects.models import Fund, Organisation, ProjectIndexPage, ProjectOrganisation, ProjectPage
from tests.site.test_demo_content import snapshot

pytestmark = pytest.mark.django_db


def project_snapshot():
    return {
        "site": snapshot(),
        "projects": list(ProjectPage.objects.order_by("path").values_list("slug", "latest_revision_id")),
        "organisations": Organisation.objects.count(),
        "roles": ProjectOrganisation.objects.count(),
    }


def test_seed_demo_builds_the_fei_project_and_is_idempotent(wagtail_root, client):
    call_command("seed_demo")
    first = project_snapshot()
    call_command("seed_demo")
    assert project_snapshot() == first

    assert ProjectPage.objects.live().count() >= 12
    fei = Fund.objects.get(acronym="FEI")
    assert fei.total_allocation == 825_000_000
    assert "768 milioni" in fei.description and "57 milioni" in fei.description and "103 milioni" in fei.description
    project = ProjectPage.objects.get(slug="fei-regione-lazio-2011")
    roles = {(r.organisation.name, r.role) for r in project.organisation_roles.all()}
    assert (
        "Ministero dell'Interno - Dipartimento per le Libertà Civili e l'Immigrazione",
        ProjectOrganisation.Role.AUTHORITY,
    ) in roles
    assert ("Regione Lazio", ProjectOrganisation.Role.PARTNER) in roles

    project_catalogue = ProjectIndexPage.objects.get(locale__language_code="it")
    assert NavigationSettings.objects.get().items.filter(page=project_catalogue).count() == 1
    html = client.get(project_catalogue.url).content.decode()
    # every facet has at least one value to offer
    for name in ["fondo", "programma", "stato", "tema", "territorio", "ente", "servizio", "anno"]:
        select = html.split(f'id="filtro-{name}"')[1].split("</select>")[0]
        assert select.count("<option") >= 2, name
    assert "Annullato" in html and "In corso" in html and "Concluso" in html and "Programmato" in html
    assert client.get(project.url).status_code == 200

    # EU visibility: every EU-funded project could be published again as it is, with its statement.
    from projects.visibility import publication_gaps

    eu_funded = [p for p in ProjectPage.objects.select_related("fund") if p.is_eu_funded]
    assert len(eu_funded) >= 10
    for page in eu_funded:
        assert (
            publication_gaps(
                {
                    f: getattr(page, f)
                    for f in ("fund", "eu_contribution", "eu_statement", "objectives", "expected_results")
                }
            )
            == []
        ), page.slug
    assert {p.statement_label for p in eu_funded} == {
        "Cofinanziato dall'Unione europea",
        "Finanziato dall'Unione europea – NextGenerationEU",
    }
    assert list(Fund.objects.get(acronym="FAMI").mandatory_logos.values_list("alt_text", flat=True)) == [
        "Ministero dell'Interno",
        "Repubblica Italiana",
    ]
    assert not Fund.objects.get(acronym="FNPM").eu_statement
    html = client.get(ProjectPage.objects.get(slug="fse-competenze-digitali").url).content.decode()
    assert html.index('alt="Repubblica Italiana"') < html.index('alt="Regione Lazio"') < html.index("<h1>")


def test_editor_sees_italian_tabs_and_validation(client, superuser, project_catalogue, portfolio):
    client.force_login(superuser)
    project = portfolio["projects"]["concluded"]
    html = client.get(reverse("wagtailadmin_pages:edit", args=[project.pk])).content.decode()
    for tab in ["Contenuto", "Finanziamento", "Partner", "Risultati", "Promozione"]:
        assert f">{tab}<" in html or f"{tab}\n" in html, tab
    assert (
        client.get(
            reverse("wagtailadmin_pages:add", args=["projects", "projectpage", project_catalogue.pk])
        ).status_code
        == 200
    )
    for model in ["organisation", "fund", "fundingprogramme", "theme", "territory"]:
        assert client.get(reverse(f"wagtailsnippets_projects_{model}:add")).status_code == 200


def test_editor_gets_italian_errors_when_saving_a_bad_project(client, superuser, project_catalogue, portfolio):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": "Progetto sbagliato",
            "slug": "progetto-sbagliato",
            "summary": "Una sintesi.",
            "cup": "abc 123",
            "body": streamfield([]),
            "fund": portfolio["fei"].pk,
            "total_cost": "1000",
            "eu_contribution": "2000",
            "national_cofinancing": "-5",
            "planned_start": "2024-05-01",
            "planned_end": "2024-04-01",
            "organisation_roles": inline_formset([]),
            "results": inline_formset([]),
            "documents": inline_formset([]),
            "related_links": inline_formset([]),
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["projects", "projectpage", project_catalogue.pk])
    response = client.post(url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert not ProjectPage.objects.filter(slug="progetto-sbagliato").exists()
    for message in [
        "Il CUP è formato da 15 caratteri",
        "L&#x27;importo non può essere negativo.",
    ]:
        assert message in html, message

    data["national_cofinancing"] = "0"
    data["cup"] = "F89E11000160007"
    html = client.post(url, data).content.decode()
    assert "La fine prevista non può precedere l&#x27;inizio previsto." in html
    assert "Il contributo dell&#x27;Unione europea non può superare il costo totale." in html

    data.update({"planned_end": "2025-04-01", "eu_contribution": "750"})
    response = client.post(url, data)
    assert response.status_code == 302
    assert ProjectPage.objects.get(slug="progetto-sbagliato").cup == "F89E11000160007"
