"""Security settings: headers, throttles, error answers (core app; README "Security"). A plain module:
base.py takes over its settings last and asks `content_security_policies` for the two policies, which
depend on where static files and media are served from."""

from datetime import timedelta
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE

from .environment import env, env_int

# --- Security: headers, throttles, error answers (core app; README "Security") --------------------
# Behind a reverse proxy, the number of proxies that append the client's address to X-Forwarded-For
# (nginx alone: 1; a CDN then nginx: 2). 0 trusts only the connecting address, never the header.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)


def content_security_policies(static_url, media_url):
    """CONTENT_SECURITY_POLICY and CSP_ADMIN_DIRECTIVES.

    Public pages: nothing but the site itself; a page adds only the analytics host an editor configured
    and the frames of its own embeds (django-csp; serving/csp.py). The Wagtail admin (page editor and
    preview included) and Django's admin: Wagtail still ships a few inline scripts and styles, and the
    editor previews embeds and their thumbnails from any https host. Static files or media on another
    host (a CDN, a bucket) are allowed in both."""
    origins = sorted(
        {
            f"{parts.scheme or 'https'}://{parts.netloc}"
            for parts in map(urlsplit, (static_url, media_url))
            if parts.netloc
        }
    )
    public = {
        "DIRECTIVES": {
            "default-src": [NONE],
            "script-src": [SELF, *origins],
            "style-src": [SELF, *origins],
            "img-src": [SELF, *origins],
            "font-src": [SELF, *origins],
            "media-src": [SELF, *origins],
            "connect-src": [SELF],
            "manifest-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "frame-ancestors": [SELF],
            "form-action": [SELF],
        }
    }
    admin = {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, *origins],
        "style-src": [SELF, UNSAFE_INLINE, *origins],
        "img-src": [SELF, "data:", "blob:", "https:", *origins],
        "font-src": [SELF, "data:", *origins],
        "media-src": [SELF, "blob:", *origins],
        "frame-src": [SELF, "https:"],
        "worker-src": [SELF, "blob:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [SELF],
        "form-action": [SELF],
    }
    return public, admin


# Where the admin policy applies instead of the public one (serving/csp.py).
CSP_ADMIN_URL_PREFIXES = ["/admin/", "/django-admin/"]

# Browser features nobody on the site needs, for the site and every frame it embeds (serving/middleware.py).
# Video players keep fullscreen, autoplay and picture-in-picture through their iframe's `allow`.
PERMISSIONS_POLICY = dict.fromkeys(
    [
        "accelerometer",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "serial",
        "usb",
        "xr-spatial-tracking",
    ],
    (),
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CROSS_ORIGIN_RESOURCE_POLICY = env("CROSS_ORIGIN_RESOURCE_POLICY", "same-origin")
# The editors' avatars are not fetched from Gravatar (their e-mail hashes would go to a third party).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# Error answers (serving/errors.py): branded Italian pages, JSON for JSON clients; 503 with this
# Retry-After (seconds) while the database is unreachable.
CSRF_FAILURE_VIEW = "serving.errors.csrf_failure"
OUTAGE_RETRY_AFTER = env_int("OUTAGE_RETRY_AFTER", 30)

# Login throttling (django-axes) on Wagtail's and Django's admin logins: after LOGIN_FAILURE_LIMIT
# wrong passwords for one username from one address, that pair waits LOGIN_COOLOFF_MINUTES; after
# LOGIN_ADDRESS_FAILURE_LIMIT wrong passwords from one address, whatever the usernames (password
# spraying), the whole address waits (serving.throttles.LoginThrottle). Twice the per-user limit: an office
# of colleagues behind one address rarely mistypes ten times in a cool-off; a sprayer gets ten guesses.
# Unlock earlier with `manage.py axes_reset` (everyone), `axes_reset_username <name>` or `axes_reset_ip <ip>`.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
LOGIN_ADDRESS_FAILURE_LIMIT = env_int("LOGIN_ADDRESS_FAILURE_LIMIT", 2 * AXES_FAILURE_LIMIT)
AXES_HANDLER = "serving.throttles.LoginThrottle"
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "serving.ratelimit.client_address"
AXES_LOCKOUT_CALLABLE = "serving.throttles.login_locked_out"
# Password reset and private-page or document passwords (serving/throttles.py): posts per client and window.
PASSWORD_FORM_RATE_LIMIT = env_int("PASSWORD_FORM_RATE_LIMIT", 5)
PASSWORD_FORM_RATE_WINDOW = env_int("PASSWORD_FORM_RATE_WINDOW", 900)
