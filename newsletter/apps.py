"""The newsletter's sending side: issues composed in Wagtail, their e-mails, alerts and reports."""

from django.apps import AppConfig


class NewsletterConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "newsletter"
    verbose_name = "Newsletter"
