"""Admin-wide rules: who reads form submissions, and an Italian help menu."""

from wagtail import hooks
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from .panels import READ_FORM_SUBMISSIONS


@hooks.register("filter_form_submissions_for_user")
def only_the_enquiry_desk_reads_submissions(user, editable_forms):
    """Wagtail lets whoever may edit a form page read what visitors sent; here the permission to
    read submissions decides, whether or not the person edits pages."""
    if not user.has_perm(READ_FORM_SUBMISSIONS):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


@hooks.register("construct_help_menu")
def keep_only_italian_help(request, menu_items):
    """Wagtail's release notes and editor guide are English web pages; the shortcuts stay."""
    menu_items[:] = [item for item in menu_items if item.name == "keyboard-shortcuts-trigger"]
