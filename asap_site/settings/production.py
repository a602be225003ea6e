"""Production: everything secret comes from the environment and `manage.py check --deploy` passes."""

from django.core.exceptions import ImproperlyConfigured

from . import base
from .environment import env, env_bool, env_int, settings_of

globals().update(settings_of(base))

DEBUG = False

if not env("SECRET_KEY"):
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")
SECRET_KEY = env("SECRET_KEY")

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
COOKIE_CONSENT_SECURE = env_bool("COOKIE_CONSENT_SECURE", True)

# Each worker keeps its database connection between requests: opening one per request (connect, the
# session pragmas, close) cost about 2.5 CPU-ms per page on SQLite, a third of a content page.
# The health check at the start of each request replaces a connection the database has dropped.
base.DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)

# Static files are served by the app itself through WhiteNoise (no separate web server needed):
# `collectstatic` writes hashed names plus gzip and brotli copies; hashed files are cached for years
# (they never change), the others for WHITENOISE_MAX_AGE seconds.
_after_security = base.MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [
    *base.MIDDLEWARE[:_after_security],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *base.MIDDLEWARE[_after_security:],
]
WHITENOISE_MAX_AGE = env_int("WHITENOISE_MAX_AGE", 3600)
STORAGES = {**base.STORAGES, "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}}

# Mail and other background work wait in the database for `manage.py db_worker`, so a slow or
# refusing mail server never holds a request; EMAIL_TIMEOUT (seconds) bounds each delivery attempt.
TASKS = {"default": {"BACKEND": base.TASK_BACKENDS[env("TASK_BACKEND", "database")]}}

# Wagtail's live preview shows the page in a same-origin iframe, so frames stay SAMEORIGIN, not DENY.
SILENCED_SYSTEM_CHECKS = ["security.W019"]
