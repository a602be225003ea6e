"""What every settings module starts from: where the project is, how a setting is read from the
environment, and how one module takes over the settings of another (explicitly, without a star import,
so that the import graph shows which module builds on which)."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parents[2]


def env(name, default=None):
    value = os.environ.get(name)
    return default if value in (None, "") else value


def env_bool(name, default=False):
    value = env(name)
    if value is None:
        return default
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def env_int(name, default):
    value = env(name)
    try:
        return default if value is None else int(value)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from exc


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def settings_of(module):
    """The settings a module defines: its upper-case names, the only ones Django reads."""
    return {name: value for name, value in vars(module).items() if name.isupper()}
