"""After a publish the task worker renders the purged pages visitors see most again, so the first
visitor gets a hit; concurrent misses of one page wait for one render; the local cache is bounded
in bytes; the file layer of `make run` makes one process's page every process's."""

import pytest
from django.core.cache import cache

from serving.pagecache import rebuild
from serving.pagecache.local import BoundedLocMemCache, LayeredCache
from serving.pagecache.store import Entry
from tests.factories import ContentPageFactory
from tests.factories.projects import ProjectOrganisationFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def test_after_a_publish_the_page_its_listings_and_the_home_are_hits_at_once(
    visit, home_page, project_catalogue, django_capture_on_commit_callbacks
):
    about = ContentPageFactory(parent=home_page, slug="chi-siamo")
    project = ProjectPageFactory(parent=project_catalogue, title="Orientamento", slug="orientamento")
    partner = ProjectOrganisationFactory(project=project, organisation__name="Regione Lazio").organisation
    project.save_revision().publish()
    partner_page = f"/progetti/ente/{partner.slug}/"
    for url in (project.url, "/progetti/", "/", "/chi-siamo/", partner_page):
        visit(url)
    with django_capture_on_commit_callbacks(execute=True):  # the rebuild task runs inline in tests
        project.title = "Orientamento al lavoro"
        project.save_revision().publish()
    for url in (project.url, "/progetti/", "/", partner_page):
        html, hit = visit(url)
        assert hit, f"{url} was not rebuilt before the visitor"
        assert "Orientamento al lavoro" in html
    assert about.live


def test_a_catalogue_order_visitors_keep_asking_for_is_rebuilt_with_the_catalogue(
    visit, project_catalogue, django_capture_on_commit_callbacks
):
    project = ProjectPageFactory(parent=project_catalogue, title="Orientamento", slug="orientamento")
    project.save_revision().publish()
    for _ in range(2):  # asked for again after each publish: kept twice
        visit("/progetti/?ordine=budget")
        with django_capture_on_commit_callbacks(execute=True):
            project.save_revision().publish()
    visit("/progetti/?ordine=titolo")  # asked for once
    with django_capture_on_commit_callbacks(execute=True):
        project.title = "Orientamento al lavoro"
        project.save_revision().publish()
    html, hit = visit("/progetti/?ordine=budget")
    assert hit and "Orientamento al lavoro" in html
    html, hit = visit("/progetti/?ordine=titolo")
    assert not hit and "Orientamento al lavoro" in html


def test_a_one_off_query_cannot_push_out_the_ones_visitors_keep_asking_for(page_cache):
    environ = {"PATH_INFO": "/progetti/"}
    for query in ["ordine=budget"] * 3 + ["page=2"] * 2 + [f"q=parola{n}" for n in range(50)]:
        rebuild.remember_variant({**environ, "QUERY_STRING": query})
    assert rebuild.variants("/progetti/") == ["ordine=budget", "page=2"]


def test_without_rebuild_the_first_visitor_renders(
    visit, settings, project_catalogue, django_capture_on_commit_callbacks
):
    settings.PAGE_CACHE_REBUILD = False
    project = ProjectPageFactory(parent=project_catalogue, slug="orientamento")
    project.save_revision().publish()
    visit(project.url)
    with django_capture_on_commit_callbacks(execute=True):
        project.save_revision().publish()
    assert not visit(project.url)[1]


def test_a_miss_waits_for_the_request_already_rendering_the_page(monkeypatch, settings):
    """Single flight: the second request of a missing page finds the lock taken and gets the entry
    the first one stores meanwhile, without rendering."""
    settings.PAGE_CACHE_SINGLE_FLIGHT_SECONDS = 2
    assert rebuild.lead_or_wait("pagecache:page:x") is None  # the first leads
    entry = Entry("g", 0.0, (200, "OK", [], b"ok"))
    lookups = iter([("g", None), ("g", entry)])  # stored while the second waits
    monkeypatch.setattr(rebuild.store, "lookup", lambda key: next(lookups))
    assert rebuild.lead_or_wait("pagecache:page:x") is entry
    rebuild.release("pagecache:page:x")
    monkeypatch.setattr(rebuild.store, "lookup", lambda key: ("g", None))
    assert rebuild.lead_or_wait("pagecache:page:x") is None  # released: the next one leads


def test_a_wait_is_bounded(monkeypatch, settings):
    settings.PAGE_CACHE_SINGLE_FLIGHT_SECONDS = 0.1
    cache.add("pagecache:page:y:building", 1, timeout=5)
    monkeypatch.setattr(rebuild.store, "lookup", lambda key: ("g", None))
    assert rebuild.lead_or_wait("pagecache:page:y") is None  # renders itself after the bound


def test_the_local_cache_is_bounded_in_bytes():
    local = BoundedLocMemCache("test-bounded", {"OPTIONS": {"MAX_BYTES": 100_000, "MAX_ENTRIES": 100_000}})
    local.clear()
    for n in range(200):
        local.set(f"page-{n}", b"x" * 5_000)
    assert local.bytes_held <= 100_000
    assert local.get("page-199") is not None and local.get("page-0") is None  # least recently used out
    local.delete("page-199")
    assert local.bytes_held == sum(len(value) + len(key) for key, value in local._cache.items())


def test_a_page_one_process_keeps_in_the_file_layer_serves_another(tmp_path):
    options = {"OPTIONS": {"SHARED_LOCATION": str(tmp_path), "MAX_BYTES": 10**6}}
    worker, task_worker = LayeredCache("worker", options), LayeredCache("task-worker", options)
    entry = Entry("g", 1.0, (200, "OK", [], b"page"))
    task_worker.set("pagecache:page:abc", entry, 60)
    task_worker.set("other:key", "per process", 60)
    assert worker.get("pagecache:page:abc") == entry
    assert worker.get("other:key") is None
    assert worker.add("pagecache:page:abc:building", 1, 2) and not task_worker.add("pagecache:page:abc:building", 1, 2)


def test_a_run_of_unique_pages_leaves_the_shared_parts_in_memory(tmp_path):
    options = {"OPTIONS": {"SHARED_LOCATION": str(tmp_path), "MAX_BYTES": 10**6, "SHARED_MEMORY_BYTES": 50_000}}
    worker = LayeredCache("bounded-worker", options)
    worker.set("part:menu", "the menu", 60)
    for n in range(100):
        worker.set(f"pagecache:page:{n}", Entry("g", 1.0, (200, "OK", [], b"x" * 5_000)), 60)
    assert worker.get("part:menu") == "the menu"
    assert worker.pages.bytes_held <= 50_000
    assert worker.get("pagecache:page:0").value[3] == b"x" * 5_000  # out of memory, read from its file
