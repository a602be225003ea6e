"""What a mailing says, per language: an issue's published version (its translation's, when the
subscriber reads English and the issue has one live), or an alert's list of pages."""

from django.utils.translation import override
from wagtail.models import Locale, Page

from .alert_kinds import ALERTS
from .rendering import page_item, render_email, render_issue


def issue_in(issue, language):
    """The live issue in `language` if translated and published, else the issue as it is."""
    if issue.locale.language_code != language:
        locale = Locale.objects.filter(language_code=language).first()
        translation = issue.get_translation_or_none(locale) if locale else None
        if translation is not None and translation.live:
            issue = translation
    return issue.specific.get_latest_revision_as_object() if not issue.live else issue.specific


def alert_pages(mailing, language):
    pages = Page.objects.filter(pk__in=mailing.alert_pages).live().specific().order_by("first_published_at")
    locale = Locale.objects.filter(language_code=language).first()
    shown = []
    for page in pages:
        translation = page.get_translation_or_none(locale) if locale and page.locale_id != locale.pk else None
        shown.append(translation if translation is not None and translation.live else page)
    return shown


def render_mailing(mailing, language):
    """The mailing's e-mail in `language`, with placeholders for the personal links."""
    if mailing.issue_id:
        return render_issue(issue_in(mailing.issue, language), language)
    alert = ALERTS[mailing.alert_key.split("-")[0]]
    with override(language):
        subject, intro, label = str(alert.subject), str(alert.intro), str(alert.label)
    items = [page_item(page, label) for page in alert_pages(mailing, language)]
    return render_email(subject=subject, intro=intro, items=items, language=language)
