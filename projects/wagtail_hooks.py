"""Admin menus for the catalogue's reference data, grouped under one "Progetti" entry."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Fund, FundingProgramme, Organisation, Territory, Theme


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = "Organizzazioni"
    list_display = ["name", "acronym", "kind", "city"]
    list_filter = ["kind"]
    search_fields = ["name", "acronym"]


class FundViewSet(SnippetViewSet):
    model = Fund
    icon = "decimal"
    menu_label = "Fondi"
    list_display = ["acronym", "name", "period", "level"]
    list_filter = ["level"]


class FundingProgrammeViewSet(SnippetViewSet):
    model = FundingProgramme
    icon = "list-ul"
    menu_label = "Programmi"
    list_display = ["name", "code", "fund", "level"]
    list_filter = ["fund", "level"]


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
