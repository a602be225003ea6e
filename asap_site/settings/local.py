"""`make run`: the production settings as visitors get them (DEBUG off, gunicorn, WhiteNoise), on plain
HTTP at 127.0.0.1 on one machine, so no HTTPS redirect, HSTS or secure-only cookies, and no secret to
set by hand: a key is generated once and kept in the git-ignored var/ folder."""

import os
import secrets

from .environment import BASE_DIR, env, env_bool, env_list, settings_of


def _local_secret_key():
    """Read var/secret-key.txt, creating it atomically on the first run (several processes may start
    at once: the first link wins and everyone reads the same key)."""
    path = BASE_DIR / "var" / "secret-key.txt"
    if not path.exists():
        path.parent.mkdir(exist_ok=True)
        draft = path.with_name(f"secret-key.{os.getpid()}.tmp")
        draft.write_text(secrets.token_urlsafe(50) + "\n")
        draft.chmod(0o600)
        try:
            os.link(draft, path)
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip()


# production.py refuses to start without SECRET_KEY in the environment: give it the local one.
if not env("SECRET_KEY"):
    os.environ["SECRET_KEY"] = _local_secret_key()

from . import production  # noqa: E402 (reads the SECRET_KEY set above)

globals().update(settings_of(production))

ALLOWED_HOSTS = list(dict.fromkeys(env_list("ALLOWED_HOSTS", f"localhost,127.0.0.1,[::1],{production.PUBLIC_HOST}")))

SECURE_SSL_REDIRECT = False
SECURE_PROXY_SSL_HEADER = None
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
COOKIE_CONSENT_SECURE = env_bool("COOKIE_CONSENT_SECURE", False)

# Uploaded images and documents come from the app (asap_site/urls.py); a real deployment serves
# MEDIA_ROOT from the web server or object storage instead.
SERVE_MEDIA = env_bool("SERVE_MEDIA", True)
# Background tasks go to the database queue that the worker of `make run` empties; mail is printed
# on the worker's console unless EMAIL_BACKEND says otherwise.
TASKS = {"default": {"BACKEND": production.TASK_BACKENDS[env("TASK_BACKEND", "database")]}}
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")

# Several processes share the SQLite file (two web workers, the task worker, the scheduler): WAL lets
# readers go on while one writes, and IMMEDIATE transactions wait for the lock instead of failing.
if production.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    production.DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL", transaction_mode="IMMEDIATE", timeout=20
    )
