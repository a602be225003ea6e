"""The app map of the README (its "The app map" section), enforced: dependencies point one way, and only URL configuration
imports views. A new import that breaks the direction fails here, naming the file and the line."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# What each app may import from the project (besides itself). Bottom layer first.
ALLOWED = {
    "core": set(),
    # The runtime that serves pages (page cache, routing, middleware, errors, throttles) and the
    # catalogue toolkit: both build on core, and core knows neither (features declare cached parts
    # through `core.parts`, which the runtime keeps).
    "serving": {"core"},
    "catalogue": {"core"},
    "search": {"core", "serving"},
    "standardpages": {"core", "search"},
    "projects": {"core", "catalogue", "search"},
    "outbox": {"core", "serving"},
    "inbox": {"core", "serving", "outbox"},
    "contact": {"core", "serving", "outbox", "inbox"},
    "consent": {"core", "serving"},
    "analytics": {"core", "serving"},
    "courses": {"core", "serving", "catalogue", "search", "projects", "outbox", "inbox"},
    "transparency": {"core", "search", "projects"},
    "accessibility": {"core", "serving", "outbox", "inbox"},
    "events": {"core", "serving", "catalogue", "search", "projects", "outbox", "inbox", "courses"},
    "editorial": {"core", "projects", "courses", "outbox", "inbox"},
    # News and calls: a catalogue of articles that link to projects, courses and organisations; it
    # adds its sections to their pages through `core.sections`, so neither imports it.
    "news": {"core", "serving", "catalogue", "search", "projects", "courses"},
    # Newsletter subscribers: sign-up with double opt-in, consent log, preferences, staff list.
    "subscriptions": {"core", "serving", "outbox", "inbox"},
    # Open data: the licence page, the DCAT-AP_IT catalogue and the course exports, over the
    # collections of the apps below (nothing imports it but the demo).
    "opendata": {"core", "serving", "projects", "courses", "transparency", "news", "events"},
    # The open data API: reads every public collection (and the catalogue's filters); nothing imports it.
    "api": {"core", "serving", "catalogue", "search", "projects", "courses", "news", "events", "transparency"},
    # The newsletter's sending side: issues pick news, courses, events and projects; e-mails go
    # through the outbox's delivery rules to the subscriptions app's audience.
    "newsletter": {
        "core",
        "serving",
        "outbox",
        "inbox",
        "subscriptions",
        "projects",
        "courses",
        "news",
        "events",
        "catalogue",
        "search",
    },
    # The composition root and the demo builder may use every app; nothing imports them.
    "home": {
        "core",
        "search",
        "standardpages",
        "projects",
        "outbox",
        "inbox",
        "consent",
        "analytics",
        "courses",
        "news",
        "events",
        "subscriptions",
        "newsletter",
    },
    "demo": {
        "core",
        "serving",
        "catalogue",
        "search",
        "standardpages",
        "projects",
        "outbox",
        "inbox",
        "contact",
        "consent",
        "analytics",
        "courses",
        "news",
        "events",
        "home",
        "transparency",
        "accessibility",
        "subscriptions",
        "opendata",
        "newsletter",
    },
}
PROJECT_PACKAGES = set(ALLOWED) | {"asap_site"}
# Modules that wire URLs to views: Django's URL configuration and Wagtail's admin URL hooks.
URL_CONFIGURATION = {"urls.py", "wagtail_hooks.py"}
# Where Wagtail's API itself asks a model for a view class, by file and module, with the reason.
WAGTAIL_VIEW_HOOKS = {
    ("contact/models.py", "contact.admin_views"): "a form page names its submissions list view",
}


def _imports(path, package):
    """(line, absolute module name) for every import in the file."""
    tree = ast.parse(path.read_text(), filename=str(path))
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = parts[: len(parts) - node.level]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            yield node.lineno, module
            for alias in node.names:  # `from . import views`
                yield node.lineno, f"{module}.{alias.name}"


def _source_files(package):
    return [p for p in (ROOT / package).rglob("*.py") if "migrations" not in p.parts]


def test_every_project_app_is_in_the_map():
    apps = {p.parent.name for p in ROOT.glob("*/apps.py")}
    assert apps <= set(ALLOWED), f"add {sorted(apps - set(ALLOWED))} to ALLOWED and to the README's app map"


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_dependencies_point_one_way(package):
    if not (ROOT / package).is_dir():
        pytest.skip(f"{package} does not exist yet")
    wrong = []
    for path in _source_files(package):
        for line, module in _imports(path, package):
            top = module.split(".")[0]
            if top in PROJECT_PACKAGES and top != package and top not in ALLOWED[package]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {top}")
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_core_knows_neither_the_runtime_nor_the_catalogue():
    """What pages are made of stands without what serves them: core's modules, its migrations and
    its templates name neither `serving` nor `catalogue` (the runtime plugs into `core.parts`)."""
    wrong = [
        f"{path.relative_to(ROOT)}:{line} imports {module}"
        for path in (ROOT / "core").rglob("*.py")
        for line, module in _imports(path, "core")
        if module.split(".")[0] in {"serving", "catalogue"}
    ]
    wrong += [
        f"{path.relative_to(ROOT)} loads catalogue_tags"
        for path in (ROOT / "core" / "templates").rglob("*.html")
        if "catalogue_tags" in path.read_text()
    ]
    assert not wrong, "\n".join(wrong)


def test_only_url_configuration_imports_views():
    wrong = []
    for package in sorted(PROJECT_PACKAGES):
        if not (ROOT / package).is_dir():
            continue
        for path in _source_files(package):
            if path.name in URL_CONFIGURATION or path.name.endswith("views.py"):
                continue
            for line, module in _imports(path, package):
                last = module.split(".")[-1]
                exempt = (str(path.relative_to(ROOT)), module) in WAGTAIL_VIEW_HOOKS
                if module.split(".")[0] in PROJECT_PACKAGES and last.endswith("views") and not exempt:
                    wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert not wrong, "\n".join(wrong)


def test_no_module_is_too_long():
    long_modules = [
        f"{path.relative_to(ROOT)}: {n} lines"
        for package in sorted(PROJECT_PACKAGES)
        if (ROOT / package).is_dir()
        for path in _source_files(package)
        if (n := len(path.read_text().splitlines())) > 420
    ]
    assert not long_modules, "\n".join(long_modules)
