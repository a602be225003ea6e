"""Which search backend the environment selects; each case runs Django in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS['default']))"
)
SEARCH_ENV = {"DATABASE_URL", "SEARCH_BACKEND_URL", "SEARCH_BACKEND", "SEARCH_INDEX_PREFIX", "SEARCH_BACKEND_TIMEOUT"}


def backend_settings(**env):
    clean = {k: v for k, v in os.environ.items() if k not in SEARCH_ENV}
    clean.update(env, DJANGO_SETTINGS_MODULE="asap_site.settings.dev")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )
    return result


def test_sqlite_uses_the_site_backend_without_a_text_search_configuration():
    result = backend_settings()
    assert json.loads(result.stdout) == {"BACKEND": "search.backends"}


def test_postgresql_uses_the_italian_configuration():
    result = backend_settings(DATABASE_URL="postgres://u@db.example:5432/asap")
    assert json.loads(result.stdout) == {"BACKEND": "search.backends", "SEARCH_CONFIG": "asap_italian"}


def test_search_can_move_to_opensearch_from_the_environment():
    result = backend_settings(
        SEARCH_BACKEND_URL="https://a.example:9200,https://b.example:9200", SEARCH_BACKEND="opensearch3"
    )
    assert json.loads(result.stdout) == {
        "BACKEND": "wagtail.search.backends.opensearch3",
        "URLS": ["https://a.example:9200", "https://b.example:9200"],
        "INDEX_PREFIX": "asap_",
        "TIMEOUT": 5,
    }


def test_an_unknown_engine_is_refused_at_startup():
    result = backend_settings(SEARCH_BACKEND_URL="http://es.example:9200", SEARCH_BACKEND="solr")
    assert result.returncode != 0 and "SEARCH_BACKEND must be one of" in result.stderr
