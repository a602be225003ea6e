"""Every editorial action ends with a message that says what happened and, where the result is public,
a "Vedi sul sito" button. Wagtail already does so for "Pubblica" on a page; here the cases where it
does not: "Approva" on the dashboard (no message at all: the row just disappeared), a scheduled
publication (a message without the date, and no link to the page already on the site), and the
snippets and settings saved or published (Wagtail's message has no link to the site: a snippet or a
setting has no page of its own, so the button leads to the page that shows it)."""

from django.contrib.contenttypes.models import ContentType
from django.contrib.messages import SUCCESS, get_messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.models import DraftStateMixin, Page, ReferenceIndex, Site, TaskState

from .dates import italian_on, italian_time

WORKFLOW_ACTION_URL_NAME = "asap_page_workflow_action"


def view_on_site_button(page):
    return messages.button(page.url, "Vedi sul sito", new_window=False)


def page_buttons(page):
    buttons = [view_on_site_button(page)] if page.live and page.url else []
    return [*buttons, messages.button(reverse("wagtailadmin_pages:edit", args=(page.pk,)), "Modifica")]


class WorkflowActionWithFeedback(WorkflowActionView):
    """Wagtail's workflow action on a page (approve, request changes), followed by a message."""

    submit_url_name = WORKFLOW_ACTION_URL_NAME

    def post(self, request, *args, **kwargs):
        status_before = self.task_state.status
        response = super().post(request, *args, **kwargs)
        task_state = TaskState.objects.get(pk=self.task_state.pk)
        if task_state.status != status_before:
            page = Page.objects.get(pk=self.object.pk).specific
            messages.success(request, self.outcome(page, task_state), buttons=page_buttons(page))
        return response

    def outcome(self, page, task_state):
        title = page.get_admin_display_title()
        if task_state.status == TaskState.STATUS_APPROVED:
            if page.workflow_in_progress:
                return f"La pagina «{title}» è stata approvata e passa alla fase di approvazione successiva."
            if page.live and not page.has_unpublished_changes:
                return f"La pagina «{title}» è stata approvata e pubblicata."
            return f"La pagina «{title}» è stata approvata: sarà pubblicata {when(page)}."
        if task_state.status == TaskState.STATUS_REJECTED:
            return f"La pagina «{title}» torna a chi l'ha scritta con la richiesta di modifiche."
        return f"La pagina «{title}» è stata aggiornata."


def when(page):
    """`il 13 dicembre 2026, ore 9:00` for a scheduled publication, else `appena possibile`."""
    revision = page.scheduled_revision
    if revision and revision.approved_go_live_at:
        return f"{italian_on(revision.approved_go_live_at)}, {italian_time(revision.approved_go_live_at)}"
    return "appena possibile"


def workflow_action_urls():
    return [
        path(
            "approvazione/<int:page_id>/<slug:action_name>/<int:task_state_id>/",
            WorkflowActionWithFeedback.as_view(),
            name=WORKFLOW_ACTION_URL_NAME,
        )
    ]


class ModerationPanelWithFeedback(WorkflowObjectsToModeratePanel):
    """The dashboard's "Da approvare": its buttons go to the action view that reports the outcome."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        for state in context["states"]:
            if isinstance(state["obj"], Page):
                state["workflow_action_url_name"] = WORKFLOW_ACTION_URL_NAME
        return context


def report_the_moderation_outcome(panels):
    panels[:] = [
        ModerationPanelWithFeedback() if isinstance(panel, WorkflowObjectsToModeratePanel) else panel
        for panel in panels
    ]


def report_a_scheduled_publication(request, page):
    """After "Programma la pubblicazione": the date, and the page as it is on the site until then.
    Returns the redirect Wagtail would make, so its own message (without the date) is not added."""
    revision = page.scheduled_revision
    if not revision or not revision.approved_go_live_at or revision.approved_go_live_at <= timezone.now():
        return None
    title = page.get_admin_display_title()
    if page.live:
        message = f"La pagina «{title}» resta com'è sul sito; le modifiche saranno pubblicate {when(page)}."
    else:
        message = f"La pagina «{title}» sarà pubblicata {when(page)}."
    messages.success(request, message, buttons=page_buttons(page))
    next_url = get_valid_next_url_from_request(request)
    return redirect(next_url or "wagtailadmin_explore", *([] if next_url else [page.get_parent().id]))


# Where a model's records show on the site, for those whose app knows better than the references:
# model -> function(instance, request) -> URL or None. Apps register here from their wagtail_hooks.
PUBLIC_PLACES = {}


def public_place(model):
    """Decorator: `find(instance, request)` gives the address on the site that shows `model`'s records."""

    def register(find):
        PUBLIC_PLACES[model] = find
        return find

    return register


def public_url(instance, request):
    """The page that shows a snippet or a setting: the one its app names, else the first live page
    that refers to it (a fund on its projects, a venue on its courses), else the site's home page
    (menu, brand, banner: on every page)."""
    if find := PUBLIC_PLACES.get(type(instance)):
        return find(instance, request)
    site = getattr(instance, "site", None) or Site.find_for_request(request)
    if not hasattr(instance, "site") and (page := first_live_page_referring_to(instance)):
        return page.get_url(request)
    return site.root_page.get_url(request) if site else None


def first_live_page_referring_to(instance):
    references = ReferenceIndex.get_references_to(instance).filter(
        base_content_type=ContentType.objects.get_for_model(Page)
    )
    # Ids compared in Python: the index keeps them as text, which PostgreSQL will not join to a page id.
    page_ids = {int(page_id) for page_id in references.values_list("object_id", flat=True)[:100]}
    return Page.objects.live().filter(pk__in=page_ids).order_by("path").first()


def link_the_site_in_the_message(request, instance):
    """After Wagtail's "salvato"/"pubblicato" message for a snippet or a setting, the way to where it
    shows. Not for a draft (the site does not show it yet) nor when the view answered in JSON
    (autosave: no message was queued)."""
    if isinstance(instance, DraftStateMixin):
        instance = type(instance).objects.get(pk=instance.pk)  # "Pubblica" published a copy of the view's
        if not instance.live or instance.has_unpublished_changes:
            return
    queued = getattr(get_messages(request), "_queued_messages", [])
    if not queued or queued[-1].level != SUCCESS or "Vedi sul sito" in str(queued[-1].message):
        return
    url = public_url(instance, request)
    if not url:
        return
    message = queued[-1]
    button = format_html('<a href="{}" class="button button-small button-secondary">Vedi sul sito</a>', url)
    if '<span class="buttons">' in message.message:
        message.message = mark_safe(
            message.message.replace('<span class="buttons">', f'<span class="buttons">{button}', 1)
        )
    else:
        message.message = mark_safe(f'{message.message}<span class="buttons">{button}</span>')
