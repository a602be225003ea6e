"""Admin-wide rules: who reads form submissions, how yes-or-no values and times read, an Italian help menu."""

import django_filters
from django.db import models
from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.active_filters import (
    BaseFilterAdapter,
    DateFromToRangeFilterAdapter,
    register_filter_adapter_class,
)
from wagtail.admin.ui.fields import BaseFieldDisplay, register_display_class
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from . import admin_feedback, lazy_widgets  # noqa: F401 (lazy_widgets: its telepath adapters)
from .dates import italian_date, italian_datetime
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
    """Wagtail's release notes and editor guide are English web pages: they go; the shortcuts and
    our own Italian guide (editorial app) stay."""
    english = ("editor-guide", "whats-new-in-wagtail")
    menu_items[:] = [item for item in menu_items if not item.name.startswith(english)]


@hooks.register("register_admin_urls")
def workflow_action_with_feedback():
    return admin_feedback.workflow_action_urls()


@hooks.register("construct_homepage_panels")
def moderation_panel_with_feedback(request, panels):
    admin_feedback.report_the_moderation_outcome(panels)


@hooks.register("after_publish_page")
def scheduled_publication_with_date(request, page):
    return admin_feedback.report_a_scheduled_publication(request, page)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
@hooks.register("after_edit_setting")
def snippet_or_setting_with_view_on_site(request, instance):
    admin_feedback.link_the_site_in_the_message(request, instance)


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


class YesNoFilterAdapter(BaseFilterAdapter):
    """An active yes-or-no filter reads "Solo ricerche senza risultati: Sì", not "True"."""

    def get_active_filters(self):
        for active in super().get_active_filters():
            yield active._replace(value="Sì" if self.value else "No")


class ItalianDateRangeFilterAdapter(DateFromToRangeFilterAdapter):
    """An active date range reads "1 dicembre 2026 - qualsiasi", as the rest of the admin."""

    def format_value(self, value):
        return italian_date(value) if value is not None else "qualsiasi"


register_filter_adapter_class(django_filters.BooleanFilter, YesNoFilterAdapter)
register_filter_adapter_class(django_filters.DateFromToRangeFilter, ItalianDateRangeFilterAdapter)
