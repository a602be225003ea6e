"""The newsletter in the admin: the sending page of each issue (from the editor's action menu), the
report under "Newsletter" in the menu."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem

from .admin_views import IssueSendingView, MailingReportView
from .models import NewsletterIssuePage


@hooks.register("register_admin_urls")
def newsletter_urls():
    return [
        path("newsletter/numeri/<int:page_id>/invio/", IssueSendingView.as_view(), name="newsletter_issue_sending"),
        path("newsletter/invii/", MailingReportView.as_view(), name="newsletter_report"),
    ]


@hooks.register("register_admin_menu_item")
def newsletter_menu_item():
    return MenuItem("Invii della newsletter", reverse("newsletter_report"), icon_name="mail", order=350)


class SendingMenuItem(ActionMenuItem):
    label = "Prova e invio agli iscritti"
    name = "action-newsletter-sending"
    icon_name = "mail"

    def is_shown(self, context):
        return context["view"] == "edit" and isinstance(context["page"].specific_deferred, NewsletterIssuePage)

    def get_url(self, parent_context):
        return reverse("newsletter_issue_sending", args=[parent_context["page"].pk])


@hooks.register("register_page_action_menu_item")
def newsletter_sending_menu_item():
    return SendingMenuItem(order=60)
