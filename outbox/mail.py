"""Addresses and links every queued e-mail needs: the organisation's address and absolute links into
the admin."""

from django.conf import settings
from wagtail.models import Site

from core.site_settings import OrganisationSettings


def organisation_addresses(site=None):
    """The organisation's e-mail (Impostazioni → Dati dell'organizzazione), else SERVER_EMAIL."""
    site = site or Site.objects.filter(is_default_site=True).first()
    organisation = OrganisationSettings.for_site(site) if site else None
    if organisation and organisation.email:
        return [organisation.email]
    return [settings.SERVER_EMAIL]


def admin_url(path):
    """An absolute link into the admin, for e-mails to the staff."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
