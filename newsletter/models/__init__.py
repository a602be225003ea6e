"""The issues (Wagtail pages, so revisions, preview and moderation come with them) and their sending."""

from .mailings import Delivery, Mailing, NewsletterSettings
from .pages import NewsletterIndexPage, NewsletterIssuePage

__all__ = ["Delivery", "Mailing", "NewsletterIndexPage", "NewsletterIssuePage", "NewsletterSettings"]
