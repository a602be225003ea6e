"""The app servers of test_two_servers.py: `make run`'s settings (production on plain HTTP, DEBUG off)
with static files named as they are. Collecting and hashing every static file, the admin's included,
costs a minute; tests/serve checks the collected ones."""

from asap_site.settings.local import *  # noqa: F403
from asap_site.settings.local import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
