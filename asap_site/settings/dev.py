"""Local development: debug on, mail printed on the console, a fixed key only if none is given."""

from . import base
from .environment import env, env_bool, settings_of

globals().update(settings_of(base))

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
