"""The admin's newsletter screens: an issue's sending page (test to oneself, send now, schedule,
cancel, its figures) and the report of every mailing. Redattori compose and may send a test to
themselves; only who has "Può inviare la newsletter agli iscritti" (the Moderatori) sends."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from core.dates import italian_datetime
from subscriptions.models import Subscriber

from .forms import ScheduleForm
from .models import Mailing, NewsletterIssuePage
from .rendering import render_issue, sample_links
from .sending import report
from .tasks import start_and_send

SEND_PERMISSION = "newsletter.send_newsletter"


def can_send(user):
    return user.has_perm(SEND_PERMISSION)


def send_test(issue, user):
    """The issue's latest revision (draft included) to the editor's own address, marked as a test."""
    draft = issue.get_latest_revision_as_object()
    email = render_issue(draft).personalised(sample_links())
    message = EmailMultiAlternatives(subject=f"[Prova] {email.subject}", body=email.text, to=[user.email])
    message.attach_alternative(email.html, "text/html")
    message.send()


class IssueSendingView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "newsletter/admin/issue_sending.html"
    header_icon = "mail"

    def dispatch(self, request, page_id):
        self.issue = get_object_or_404(NewsletterIssuePage, pk=page_id)
        if not self.issue.permissions_for_user(request.user).can_edit():
            raise PermissionDenied
        self.mailing = Mailing.objects.filter(issue=self.issue).first()
        self.page_title = f"Invio: {self.issue.title}"
        self.form = ScheduleForm()
        return super().dispatch(request, page_id)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        figures = report(Mailing.objects.filter(pk=self.mailing.pk)).first() if self.mailing else None
        audience = Subscriber.objects.receiving(self.issue.topics.values_list("slug", flat=True)).count()
        return super().get_context_data(
            issue=self.issue,
            mailing=figures,
            audience=audience,
            can_send=can_send(self.request.user),
            form=self.form,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.issue.pk]),
            **kwargs,
        )

    def post(self, request, page_id):
        action = request.POST.get("action")
        if action == "test":
            return self.test(request)
        if not can_send(request.user):
            raise PermissionDenied
        if action == "cancel":
            Mailing.objects.filter(pk=getattr(self.mailing, "pk", None), status=Mailing.Status.SCHEDULED).delete()
            messages.success(request, "Invio programmato annullato.")
            return redirect(request.path)
        if self.mailing is not None:
            messages.error(request, "Questo numero è già stato inviato o programmato.")
            return redirect(request.path)
        if not self.issue.live or self.issue.has_unpublished_changes:
            messages.error(
                request, "Pubblica prima il numero: si invia la versione pubblicata, che resta nell'archivio."
            )
            return redirect(request.path)
        if not self.issue.topics.exists():
            messages.error(request, "Scegli almeno un argomento: il numero va agli iscritti di quegli argomenti.")
            return redirect(request.path)
        now = timezone.now()
        if action == "schedule":
            self.form = ScheduleForm(request.POST, now=now)
            if not self.form.is_valid():
                return self.get(request, page_id)
            send_at = self.form.cleaned_data["send_at"]
        else:
            send_at = now
        with transaction.atomic():
            mailing = Mailing.objects.create(
                issue=self.issue,
                subject=self.issue.title,
                topic_slugs=list(self.issue.topics.values_list("slug", flat=True)),
                send_at=send_at,
                requested_by=request.user,
            )
            if action == "schedule":
                messages.success(request, f"Invio programmato: {italian_datetime(send_at)}.")
            else:
                start_and_send(mailing.pk, now=now)
                messages.success(
                    request, "Invio avviato: le e-mail partono a poco a poco, le cifre qui sotto si aggiornano."
                )
        return redirect(request.path)

    def test(self, request):
        if not request.user.email:
            messages.error(request, "Il tuo profilo non ha un indirizzo e-mail: aggiungilo in «Account».")
        else:
            send_test(self.issue, request.user)
            messages.success(request, f"E-mail di prova inviata a {request.user.email}.")
        return redirect(request.path)


class MailingReportView(WagtailAdminTemplateMixin, TemplateView):
    """Newsletter → Invii: every mailing with sent, failed and unsubscribed since."""

    template_name = "newsletter/admin/report.html"
    header_icon = "mail"
    page_title = "Invii della newsletter"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        mailings = report(Mailing.objects.select_related("issue", "requested_by")).order_by("-send_at", "-pk")[:200]
        return super().get_context_data(mailings=mailings, **kwargs)
