"""The measurements behind the figures in docs/: one entry point, `python -m scripts.bench <suite>`
(`make bench` runs the `pages` suite; `python -m scripts.bench` alone lists the suites). Each suite
builds its own throw-away database, so none touches the development data.

Importing the package sets nothing up (each suite picks its own settings); `Server`, `demo_database`
and the other helpers of the `pages` suite are loaded on first use, for scripts that serve the demo
as `make bench` does (scripts/measure_admin_forms.py)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # the project's apps and `scripts.run_site`, however the package is reached


def __getattr__(name):
    import importlib

    return getattr(importlib.import_module(f"{__name__}.pages"), name)
