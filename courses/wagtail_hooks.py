from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.choosers import snippet_chooser

from .admin_views import NewEnquiriesPanel, enquiry_viewset
from .models import Venue


class VenueViewSet(SnippetViewSet):
    """Venues, which an editor can also create from the session's venue chooser."""

    model = Venue
    icon = "site"
    menu_label = "Sedi dei corsi"
    list_display = ["name", "city", "address"]
    chooser_viewset_class = snippet_chooser(
        creation_fields=["name", "address", "postal_code", "city", "province"],
        choose_one_text="Scegli una sede",
        choose_another_text="Cambia sede",
        edit_item_text="Modifica la sede",
    )


register_snippet(VenueViewSet)


@hooks.register("register_admin_viewset")
def register_enquiry_viewset():
    return enquiry_viewset


@hooks.register("construct_homepage_panels")
def add_new_enquiries_panel(request, panels):
    panels.append(NewEnquiriesPanel(request))
