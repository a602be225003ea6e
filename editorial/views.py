from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail_localize.models import Translation

from .guide import editors_guide


class EditorsGuideView(WagtailAdminTemplateMixin, TemplateView):
    """*Aiuto → Guida per la redazione*: the Italian guide, for everyone who may open the admin."""

    template_name = "editorial/guide.html"
    header_icon = "help"

    def get(self, request, *args, **kwargs):
        self.page_title, self.body, self.toc = editors_guide()
        return super().get(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.body, toc=self.toc, **kwargs)


@require_POST
def submit_translation(request, translation_id):
    """ "Invia in approvazione" for a translated page: wagtail-localize's editor only offers "Pubblica"
    to those who may publish, so this saves the English page as translated so far as a draft and
    starts the moderation workflow on it, as Wagtail's own button does for an Italian page; the
    moderators approve it from their dashboard as any other page."""
    translation = get_object_or_404(Translation, pk=translation_id, enabled=True)
    page = translation.source.object.get_instance_or_none(translation.target_locale)
    if not isinstance(page, Page) or not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    # A revision only: wagtail-localize's own draft (`save_target(publish=False)`) also writes the
    # texts into the live page's row, which visitors would then read before any moderator approved.
    draft = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
    draft.save_revision(user=request.user)
    page = Page.objects.get(pk=page.pk).specific
    workflow = page.get_workflow()
    if workflow is None:
        messages.error(request, f"«{page.title}» non ha un flusso di approvazione: la può pubblicare un moderatore.")
    elif page.workflow_in_progress:
        messages.warning(request, f"«{page.title}» è già in approvazione.")
    else:
        workflow.start(page, request.user)
        messages.success(request, f"«{page.title}» è stata inviata in approvazione.")
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_home")
    return redirect(next_url)
