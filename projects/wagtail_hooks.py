"""Admin menus for the catalogue's reference data, grouped under one "Progetti" entry. Organisations,
funds and programmes can be created from their choosers without leaving the page being edited."""

from django import forms
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.admin_feedback import public_place
from core.choosers import snippet_chooser

from .forms import OrganisationCreationForm
from .models import Fund, FundingProgramme, Organisation, ProjectIndexPage, Territory, Theme


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organizzazioni"
    list_display = ["name", "acronym", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]
    chooser_viewset_class = snippet_chooser(
        creation_fields=["name", "acronym", "kind", "city", "website", "fiscal_code"],
        creation_form=OrganisationCreationForm,
        choose_one_text="Scegli un'organizzazione",
        choose_another_text="Cambia organizzazione",
        edit_item_text="Modifica l'organizzazione",
    )


def fund_label(fund):
    return f"{fund} – {fund.name}"


class FundViewSet(SnippetViewSet):
    model = Fund
    icon = "decimal"
    menu_label = "Fondi"
    list_display = ["acronym", "name", "period", "level", "eu_statement"]
    list_filter = ["level"]
    chooser_viewset_class = snippet_chooser(
        creation_fields=["name", "acronym", "level", "period_start", "period_end"],
        choose_one_text="Scegli un fondo",
        choose_another_text="Cambia fondo",
        edit_item_text="Modifica il fondo",
        display_title=fund_label,
    )


def programme_label(programme):
    return f"{programme} ({programme.fund})"


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "list-ul"
    menu_label = "Programmi"
    list_display = ["name", "code", "fund", "level"]
    list_filter = ["fund", "level"]
    # The project form narrows this chooser to the chosen fund (`linked_chooser` in its panels).
    chooser_viewset_class = snippet_chooser(
        creation_fields=["name", "code", "level", "fund"],
        creation_widgets={"fund": forms.Select},
        url_filters=["fund"],
        choose_one_text="Scegli un programma",
        choose_another_text="Cambia programma",
        edit_item_text="Modifica il programma",
        display_title=programme_label,
        select_related=["fund"],
    )


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Temi"


class TerritoryViewSet(SnippetViewSet):
    model = Territory
    icon = "site"
    menu_label = "Territori"
    list_display = ["name", "level", "code"]


class ProjectReferenceGroup(SnippetViewSetGroup):
    menu_label = "Catalogo progetti"
    menu_icon = "folder-open-inverse"
    menu_order = 250
    items = (OrganisationViewSet, FundViewSet, FundingProgrammeViewSet, ThemeViewSet, TerritoryViewSet)


register_snippet(ProjectReferenceGroup)


@public_place(Organisation)
def organisation_page(organisation, request):
    """ "Vedi sul sito" after saving an organisation: its page in the catalogue (its projects, its logo)."""
    catalogue = ProjectIndexPage.objects.live().first()
    if catalogue:
        return catalogue.organisation_url(organisation, request)
    return None
