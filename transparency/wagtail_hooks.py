from django.conf import settings
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.admin_feedback import public_place

from .admin_views import PublicContributionFilterSet, RegisterReminderPanel
from .models import ContributionsRegisterPage, PublicContribution


class PublicContributionViewSet(SnippetViewSet):
    """The register's rows (Legge 124/2017), entered by Redattori like the catalogue's reference data."""

    model = PublicContribution
    icon = "doc-full"
    menu_label = "Contributi pubblici ricevuti"
    menu_order = 260
    add_to_admin_menu = True
    list_display = [
        TitleColumn(
            "granting_body", label="Ente erogante", url_name="wagtailsnippets_transparency_publiccontribution:edit"
        ),
        Column("amount_label", label="Importo"),
        DateColumn("received_on", label="Data di incasso"),
        Column("year", label="Anno"),
        Column("reason", label="Causale"),
        Column("project", label="Progetto"),
        LiveStatusTagColumn(),
    ]
    filterset_class = PublicContributionFilterSet
    search_fields = ["reason", "granting_body__name"]
    search_backend_name = None
    ordering = ["-year", "-received_on"]


register_snippet(PublicContributionViewSet)


@hooks.register("construct_homepage_panels")
def add_register_reminder(request, panels):
    panels.append(RegisterReminderPanel(request))


@public_place(PublicContribution)
def register_page(receipt, request):
    """ "Vedi sul sito" after publishing a receipt: the register that lists it."""
    register = ContributionsRegisterPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE).first()
    return register.get_url(request) if register else None
