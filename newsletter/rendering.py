"""Issues and alerts as e-mails: HTML for mail clients (tables, inline styles, absolute links and
image addresses, no external CSS or script, no tracking pixel, no redirected link) and plain text.

An e-mail is rendered once per mailing and language with placeholders where the personal links go;
`personalised()` only swaps those in, so 20,000 recipients cost 20,000 string replacements, not
20,000 template renders."""

import re
from dataclasses import dataclass, replace

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.models import Site
from wagtail.rich_text import expand_db_html

from core.models import OrganisationSettings

PREFERENCES = "%%ASAP_PREFERENCES_URL%%"
UNSUBSCRIBE = "%%ASAP_UNSUBSCRIBE_URL%%"
IMAGE_SPEC = "fill-560x280"


@dataclass(frozen=True)
class RenderedEmail:
    subject: str
    html: str
    text: str

    def personalised(self, links):
        """The e-mail with `links` ({"preferences": url, "unsubscribe": url}) in place."""

        def fill(content):
            return content.replace(PREFERENCES, links["preferences"]).replace(UNSUBSCRIBE, links["unsubscribe"])

        return replace(self, html=fill(self.html), text=fill(self.text))


@dataclass
class Item:
    """One entry of the e-mail: a picked page (title, summary, link, picture) or a piece of text."""

    label: str = ""
    title: str = ""
    summary: str = ""
    url: str = ""
    image_url: str = ""
    html: str = ""
    text: str = ""


def base_url():
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute_links(html):
    return re.sub(r'(href|src)="/', rf'\1="{base_url()}/', html)


def sample_links():
    """What the preview shows in place of a subscriber's personal links."""
    return {"preferences": base_url() + "/#preferenze", "unsubscribe": base_url() + "/#annulla-iscrizione"}


def page_item(page, label):
    page = page.specific
    image = getattr(page, "image", None)
    image_url = image.get_rendition(IMAGE_SPEC).full_url if image else ""
    return Item(
        label=label,
        title=page.title,
        summary=getattr(page, "summary", "") or "",
        url=page.get_full_url() or "",
        image_url=image_url,
    )


def body_items(page):
    items = []
    for block in page.body:
        if block.block_type == "text":
            html = absolute_links(expand_db_html(block.value.source))
            items.append(Item(html=html, text=strip_tags(html).strip()))
        elif block.value is not None and block.value.live:
            items.append(page_item(block.value, block.block.label))
    return items


def render_email(*, subject, intro, items, language, web_url=""):
    """The e-mail in `language`, with placeholders for the personal links."""
    site = Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    context = {
        "subject": subject,
        "intro": intro,
        "items": items,
        "web_url": web_url,
        "organisation": getattr(organisation, "name", "") or "ASAP",
        "base_url": base_url(),
        "preferences_url": PREFERENCES,
        "unsubscribe_url": UNSUBSCRIBE,
        "language": language,
    }
    with translation.override(language):
        html = render_to_string("newsletter/email.html", context)
        text = render_to_string("newsletter/email.txt", context)
    return RenderedEmail(subject=subject, html=html, text=re.sub(r"\n{3,}", "\n\n", text).strip() + "\n")


def render_issue(page, language=None):
    """An issue page (or one of its revisions' pages) as an e-mail."""
    language = language or page.locale.language_code
    web_url = page.get_full_url() if page.live else ""
    return render_email(
        subject=page.title, intro=page.intro, items=body_items(page), language=language, web_url=web_url or ""
    )
