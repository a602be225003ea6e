"""Signed links for a subscriber, without an account: confirmation (expires), preferences and
unsubscribe (valid while the subscriber exists, as every e-mail carries them), and the RFC 8058
headers of a newsletter e-mail. Absolute, in the subscriber's language, and without a query (the
site's address comes from WAGTAILADMIN_BASE_URL, which `set_site_address` also gives the site)."""

import hashlib

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

CONFIRM_SALT = "subscriptions.confirm"
MANAGE_SALT = "subscriptions.manage"


def _fingerprint(subscriber):
    """Ties a token to the address too: a link never opens another subscriber's preferences."""
    return hashlib.sha256(subscriber.email.lower().encode()).hexdigest()[:10]


def _token(subscriber, salt):
    return signing.dumps([subscriber.pk, _fingerprint(subscriber)], salt=salt, compress=False)


def manage_token(subscriber):
    """The token of the preferences and unsubscribe addresses."""
    return _token(subscriber, MANAGE_SALT)


def _absolute(subscriber, url_name, salt):
    with translation.override(subscriber.language):
        path = reverse(url_name, kwargs={"token": _token(subscriber, salt)})
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirmation_url(subscriber):
    return _absolute(subscriber, "subscriptions_confirm", CONFIRM_SALT)


def preferences_url(subscriber):
    return _absolute(subscriber, "subscriptions_preferences", MANAGE_SALT)


def unsubscribe_url(subscriber):
    return _absolute(subscriber, "subscriptions_unsubscribe", MANAGE_SALT)


def list_unsubscribe_headers(subscriber):
    """RFC 2369 and RFC 8058: the mail client's "Unsubscribe" posts `List-Unsubscribe=One-Click` to
    the link, which needs no CSRF token and no confirmation."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url(subscriber)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


class BadLink(Exception):
    """The link was altered, has expired, or its subscriber no longer exists."""

    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def subscriber_from_token(token, *, salt, max_age=None):
    """The subscriber a token names, or BadLink."""
    from .models import Subscriber

    try:
        pk, fingerprint = signing.loads(token, salt=salt, max_age=max_age)
    except signing.SignatureExpired as exc:
        raise BadLink(expired=True) from exc
    except (signing.BadSignature, ValueError, TypeError) as exc:
        raise BadLink() from exc
    subscriber = Subscriber.objects.filter(pk=pk).first() if isinstance(pk, int) else None
    if subscriber is None or _fingerprint(subscriber) != fingerprint:
        raise BadLink()
    return subscriber
