"""Admin-wide rules: who reads form submissions, how yes-or-no values and times read, an Italian help menu."""

from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from .dates import italian_datetime
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


class YesNoDisplay(BaseFieldDisplay):
    """Yes-or-no fields in "inspect" views (e.g. an enquiry's marketing consent) read Sì/No, not True/False."""

    def render_html(self, parent_context=None):
        return "Sì" if self.value else "No"


class LocalDateTimeDisplay(BaseFieldDisplay):
    """Wagtail's inspect view formats date-times before converting them to local time, so they show
    in UTC; here they read in Italian time, as in the rest of the admin."""

    def render_html(self, parent_context=None):
        return italian_datetime(self.value)


register_display_class(models.BooleanField, display_class=YesNoDisplay)
register_display_class(models.DateTimeField, display_class=LocalDateTimeDisplay)


@hooks.register("insert_global_admin_js")
def dates_stay_as_typed():
    """Loaded before any date field is set up (core/static/js/admin-dates.js says why)."""
    return format_html('<script src="{}"></script>', static("js/admin-dates.js"))


@hooks.register("insert_global_admin_css")
def date_picker_in_the_flow():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-dates.css"))
