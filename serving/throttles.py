"""Throttles on every login and password form.

Wagtail's admin login, Django's admin login and Wagtail's front-end login go through
django.contrib.auth, where django-axes counts failures per username and address (AXES_* settings)
and `LoginThrottle` adds a higher limit per address across usernames (password spraying); both
answer with `login_locked_out`. The forms without a user behind them are throttled here with
the site's rate limiter: the admin's password reset (every post counts: each can send an e-mail) and
the passwords of private pages and documents (only wrong passwords count, per restriction)."""

from functools import wraps

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from wagtail.admin.views.account import PasswordResetView
from wagtail.documents.views.serve import authenticate_with_password as document_password
from wagtail.views import authenticate_with_password as page_password

from . import ratelimit
from .errors import too_many_requests


class LoginThrottle(AxesDatabaseHandler):
    """django-axes' handler (AXES_HANDLER) with a second limit per address, whatever the usernames.

    Axes compares every lockout parameter with one AXES_FAILURE_LIMIT, and with "ip_address" among
    AXES_LOCKOUT_PARAMETERS a successful login would also erase the address's failures on other
    usernames. So the pair (username, address) stays axes' parameter and the address's failures are
    summed here from the same records, within the same cool-off, against LOGIN_ADDRESS_FAILURE_LIMIT."""

    def get_failures(self, request, credentials=None):
        pair_failures = super().get_failures(request, credentials)
        if self.address_failures(request) >= settings.LOGIN_ADDRESS_FAILURE_LIMIT:
            request.login_locked_by_address = True
            return max(pair_failures, settings.AXES_FAILURE_LIMIT)
        return pair_failures

    @staticmethod
    def address_failures(request):
        attempts = AccessAttempt.objects.filter(
            ip_address=request.axes_ip_address, attempt_time__gte=get_cool_off_threshold(request)
        )
        return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' AXES_LOCKOUT_CALLABLE: the branded 429 with the cool-off as Retry-After."""
    kind = "login-address" if getattr(request, "login_locked_by_address", False) else "logins"
    return too_many_requests(request, settings.AXES_COOLOFF_TIME.total_seconds(), kind=kind)


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
