"""Configuration comes from the environment; each case runs Django in a fresh process."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "db = settings.DATABASES['default'];"
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), 'host': db.get('HOST'),"
    "'cache': settings.CACHES['default']['BACKEND'], 'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS,"
    "'email': settings.EMAIL_BACKEND, 'email_host': settings.EMAIL_HOST, 'media': str(settings.MEDIA_ROOT),"
    "'lang': settings.LANGUAGE_CODE, 'tz': settings.TIME_ZONE, 'key': settings.SECRET_KEY,"
    "'tasks': settings.TASKS['default']['BACKEND'], 'ratelimit': settings.CACHES['ratelimit'].get('LOCATION')}))"
)


def run_settings(module, **env):
    clean = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DATABASE_URL",
            "REDIS_URL",
            "REDIS_RATELIMIT_URL",
            "SECRET_KEY",
            "DEBUG",
            "ALLOWED_HOSTS",
            "EMAIL_BACKEND",
        }
    }
    clean.update(env, DJANGO_SETTINGS_MODULE=f"asap_site.settings.{module}")
    return subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def settings_for(module, **env):
    result = run_settings(module, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_defaults_are_sqlite_locmem_italian_and_console_mail_in_development():
    values = settings_for("dev")
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(ROOT / "db.sqlite3")
    assert values["cache"].endswith("LocMemCache")
    assert values["email"] == "django.core.mail.backends.console.EmailBackend"
    assert (values["lang"], values["tz"]) == ("it", "Europe/Rome")
    assert values["debug"] is True


def test_database_cache_hosts_and_mail_come_from_the_environment():
    values = settings_for(
        "production",
        SECRET_KEY="x" * 60,
        DATABASE_URL="postgres://asap:segreto@db.internal:5432/asap",
        REDIS_URL="redis://cache.internal:6379/1",
        ALLOWED_HOSTS="www.asap.example, asap.example",
        EMAIL_HOST="smtp.asap.example",
        MEDIA_ROOT="/srv/media",
    )
    assert values["engine"] == "django.db.backends.postgresql"
    assert (values["name"], values["host"]) == ("asap", "db.internal")
    assert values["cache"] == "serving.cache.TolerantRedisCache"  # Django's Redis cache, degrading on outages
    assert values["ratelimit"] == "redis://cache.internal:6379/2"  # counters apart from the pages: the next database
    assert values["hosts"] == ["www.asap.example", "asap.example"]
    assert values["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert values["email_host"] == "smtp.asap.example"
    assert values["media"] == "/srv/media"
    assert values["debug"] is False


def test_rate_limit_counters_can_have_a_redis_of_their_own():
    values = settings_for(
        "production",
        SECRET_KEY="x" * 60,
        REDIS_URL="redis://cache.internal:6379",
        REDIS_RATELIMIT_URL="redis://counters.internal:6379/0",
    )
    assert values["ratelimit"] == "redis://counters.internal:6379/0"
    assert settings_for("production", SECRET_KEY="x" * 60, REDIS_URL="redis://cache.internal:6379")["ratelimit"] == (
        "redis://cache.internal:6379/1"
    )


def test_production_queues_background_work_in_the_database_unless_told_otherwise():
    assert settings_for("production", SECRET_KEY="x" * 60)["tasks"] == "django_tasks_db.DatabaseBackend"
    immediate = settings_for("production", SECRET_KEY="x" * 60, TASK_BACKEND="immediate")["tasks"]
    assert immediate == "django_tasks.backends.immediate.ImmediateBackend"
    assert settings_for("dev")["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"


def test_production_refuses_to_start_without_a_secret_key():
    result = run_settings("production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_malformed_boolean_is_reported_not_guessed():
    result = run_settings("dev", DEBUG="forse")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


@pytest.mark.parametrize("module", ["production"])
def test_production_settings_pass_the_deploy_check(module):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    env.update(
        DJANGO_SETTINGS_MODULE=f"asap_site.settings.{module}",
        SECRET_KEY="k3y-" + "abcdefghij" * 6,
        ALLOWED_HOSTS="asap.example",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_run_settings_are_production_on_plain_http_with_a_key_kept_between_runs():
    probe = (
        "import json, django; from django.conf import settings; django.setup();"
        "print(json.dumps({'debug': settings.DEBUG, 'key': settings.SECRET_KEY, 'hosts': settings.ALLOWED_HOSTS,"
        "'base': settings.WAGTAILADMIN_BASE_URL, 'redirect': settings.SECURE_SSL_REDIRECT,"
        "'secure_cookies': settings.SESSION_COOKIE_SECURE, 'media': settings.SERVE_MEDIA,"
        "'static': settings.STORAGES['staticfiles']['BACKEND'], 'tasks': settings.TASKS['default']['BACKEND']}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "TASK_BACKEND"}}
    env.update(DJANGO_SETTINGS_MODULE="asap_site.settings.local", HOST="0.0.0.0", PORT="8765")

    def values():
        result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    first, second = values(), values()
    assert first["debug"] is False
    assert len(first["key"]) >= 50
    assert second["key"] == first["key"] == (ROOT / "var" / "secret-key.txt").read_text().strip()
    assert first["base"] == "http://127.0.0.1:8765"
    assert {"127.0.0.1", "localhost"} <= set(first["hosts"])
    assert (first["redirect"], first["secure_cookies"], first["media"]) == (False, False, True)
    assert first["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert first["tasks"] == "django_tasks_db.DatabaseBackend"
