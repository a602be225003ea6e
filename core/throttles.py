"""Throttles on every login and password form.

Wagtail's admin login, Django's admin login and Wagtail's front-end login go through
django.contrib.auth, where django-axes counts failures per username and address (AXES_* settings)
and answers with `login_locked_out`. The forms without a user behind them are throttled here with
the site's rate limiter: the admin's password reset (every post counts: each can send an e-mail) and
the passwords of private pages and documents (only wrong passwords count, per restriction)."""

from functools import wraps

from django.conf import settings
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents.views.serve import authenticate_with_password as document_password
from wagtail.views import authenticate_with_password as page_password

from . import ratelimit
from .errors import too_many_requests


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: the branded 429 with the cool-off as Retry-After."""
    return too_many_requests(request, settings.AXES_COOLOFF_TIME.total_seconds(), kind="logins")


def _throttled_posts(scope, *, count_success, kind, per=None):
    """Throttle a view's posts per client (and per `per`, a URL argument such as the restriction)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            key = f"{scope}:{kwargs[per]}" if per else scope
            limit, window = settings.PASSWORD_FORM_RATE_LIMIT, settings.PASSWORD_FORM_RATE_WINDOW
            if ratelimit.blocked(request, key, limit):
                return ratelimit.too_many_requests(request, key, window, kind=kind)
            response = view(request, *args, **kwargs)
            if count_success or response.status_code != 302:  # Wagtail redirects once the password is right
                ratelimit.hit(request, key, limit, window)
            return response

        return wrapped

    return decorator


password_reset = _throttled_posts("password-reset", count_success=True, kind="requests")(PasswordResetView.as_view())
page_password = _throttled_posts(
    "page-password", count_success=False, kind="passwords", per="page_view_restriction_id"
)(page_password)
document_password = _throttled_posts("document-password", count_success=False, kind="passwords", per="restriction_id")(
    document_password
)
