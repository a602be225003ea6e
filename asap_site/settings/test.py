"""Test runs: fast hashing, mail kept in memory, tasks run inline, media in a scratch folder."""

import tempfile
from pathlib import Path

from . import base
from .environment import env, settings_of

globals().update(settings_of(base))

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = tempfile.mkdtemp(prefix="asap-test-media-")
PRIVATE_MEDIA_ROOT = tempfile.mkdtemp(prefix="asap-test-private-media-")
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://testserver")
# The whole-page cache would answer a test's second request without running the view it checks;
# tests/pagecache turn it on.
PAGE_CACHE_ENABLED = False
# One per test process (xdist workers must not purge each other's caches).
PAGE_CACHE_GENERATION_FILE = Path(tempfile.mkdtemp(prefix="asap-test-pagecache-")) / "generation"
