"""Redis drills with a real redis-server: a full Redis (maxmemory with noeviction) costs neither a page
nor a post, and a purge made while Redis is frozen is seen as soon as Redis answers again, by the
process that made it and, through the task worker's retry, by every other."""

import logging
from unittest import mock

import pytest
from cookie_consent.cache import CACHE_KEY as COOKIE_GROUPS_KEY
from django.core.cache import cache
from django.test import Client
from django_tasks_db.models import DBTaskResult
from redis.exceptions import ReadOnlyError
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

from accessibility.models import AccessibilityFeedback
from courses.enquiries import CourseEnquiry
from serving import cache as tolerant_cache
from serving.pagecache import store
from tests.accessibility.test_feedback import URL as FEEDBACK_URL
from tests.accessibility.test_feedback import feedback_page  # noqa: F401
from tests.accessibility.test_feedback import valid_post as feedback_post
from tests.courses.test_enquiries import valid_post as enquiry_post
from tests.factories import ContentPageFactory
from tests.outbox.test_contact_form import MESSAGE, contact_page  # noqa: F401

from .faults import running_redis
from .test_drills import DATABASE_TASKS

JUNK_REQUESTS = 50


def cache_pages_in(settings, server):
    """Production's setup: pages, parts and the generation in this Redis, rate-limit counts in its
    next database."""
    options = {"socket_connect_timeout": 1, "socket_timeout": 1}
    settings.CACHES = {
        alias: {
            "BACKEND": "serving.cache.TolerantRedisCache",
            "LOCATION": f"{server.url[:-2]}/{db}",
            "OPTIONS": options,
        }
        for alias, db in (("default", 0), ("ratelimit", 1))
    }
    settings.PAGE_CACHE_ENABLED = True
    settings.PAGE_CACHE_GENERATION_FILE = None


def end_outage_pauses():
    """As if OUTAGE_PAUSE had passed since the last failure (the outage itself is still on record)."""
    tolerant_cache.outages.until.update(dict.fromkeys(tolerant_cache.outages.until, 0))


@pytest.fixture
def full_redis():
    """Bounded like production's redis.conf, but with the policy that refuses writes when full."""
    with running_redis(maxmemory="2mb", policy="noeviction") as server:
        yield server


@pytest.mark.django_db
@pytest.mark.usefixtures("contact_page", "feedback_page")
def test_a_full_redis_serves_every_page_and_stores_every_post(
    settings, site_pages, course, full_redis, django_capture_on_commit_callbacks
):
    cache_pages_in(settings, full_redis)
    visitor = Client(raise_request_exception=False)  # a 500 is counted, as a visitor would see it
    pages = [*site_pages, "/robots.txt", "/scrivici/", FEEDBACK_URL]
    visitor.get("/")  # the site ran (its cache generation is in Redis) before junk filled Redis up
    junk_written = full_redis.fill()
    assert junk_written > 0

    junk = [f"/?utm_source={n}" for n in range(JUNK_REQUESTS)]
    answers = {path: visitor.get(path).status_code for path in [*junk, *pages]}
    with django_capture_on_commit_callbacks(execute=True):
        posts = (
            visitor.post(course.url + "richiedi-informazioni/", enquiry_post()).status_code,
            visitor.post("/scrivici/", MESSAGE).status_code,
            visitor.post(FEEDBACK_URL, feedback_post()).status_code,
        )
    stored = (CourseEnquiry.objects.count(), FormSubmission.objects.count(), AccessibilityFeedback.objects.count())

    figures = (
        f"5xx: {sum(answers[path] >= 500 for path in junk)} of {len(junk)} junk requests, "
        f"{sorted(path for path in pages if answers[path] >= 500)} of {len(pages)} pages; "
        f"posts answered {posts}, stored {stored}"
    )
    assert {path for path, status in answers.items() if status != 200} == {"/non-esiste/"}, figures
    assert answers["/non-esiste/"] == 404, figures
    assert posts == (302, 200, 302), figures  # enquiry and accessibility redirect, "Scrivici" thanks in place
    assert stored == (1, 1, 1), figures


@pytest.fixture
def project(portfolio):
    return portfolio["projects"]["concluded"]


def unpublish_while_frozen(client, server, project, capture_on_commit):
    """Redis freezes (SIGSTOP), a visitor's request notices, and the editor unpublishes meanwhile:
    the purge never reaches Redis. (A command already sent to the frozen server would still run
    when it resumes: only a purge made once the site knows Redis is away is lost for sure.)"""
    server.pause()
    try:
        client.get("/")
        with capture_on_commit(execute=True):
            project.unpublish()
    finally:
        server.resume()


def served_and_listed(client, project, project_catalogue):
    return (
        client.get(project.url).status_code == 200,
        f'href="{project.url}"' in client.get(project_catalogue.url).content.decode(),
    )


@pytest.mark.django_db
def test_an_unpublish_while_redis_is_frozen_is_seen_as_soon_as_redis_answers(
    client, settings, project, project_catalogue, redis_server, django_capture_on_commit_callbacks
):
    cache_pages_in(settings, redis_server)
    served_and_listed(client, project, project_catalogue)
    assert served_and_listed(client, project, project_catalogue) == (True, True)  # from the cache

    unpublish_while_frozen(client, redis_server, project, django_capture_on_commit_callbacks)
    end_outage_pauses()

    assert served_and_listed(client, project, project_catalogue) == (False, False)


@pytest.mark.django_db
def test_other_processes_see_the_missed_purge_when_the_worker_retries_it(
    client, settings, project, project_catalogue, redis_server, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    cache_pages_in(settings, redis_server)
    served_and_listed(client, project, project_catalogue)

    unpublish_while_frozen(client, redis_server, project, django_capture_on_commit_callbacks)
    tolerant_cache.outages.until.clear()  # another web worker, which never saw the outage
    assert served_and_listed(client, project, project_catalogue) == (True, True)  # the window the retry closes

    [retry] = DBTaskResult.objects.filter(task_path="serving.pagecache.tasks.retry_purge")
    retry.task.call(*retry.args_kwargs["args"], **retry.args_kwargs["kwargs"])  # what db_worker does
    assert served_and_listed(client, project, project_catalogue) == (False, False)


def test_what_redis_may_have_missed_while_frozen_is_forgotten_when_it_answers(settings, redis_server):
    """Deletions are lost too: Wagtail's site root paths and cookie-consent's groups (kept an hour)."""
    cache_pages_in(settings, redis_server)
    cache.set(SITE_ROOT_PATHS_CACHE_KEY, ["vecchio"], version=SITE_ROOT_PATHS_CACHE_VERSION)
    cache.set(COOKIE_GROUPS_KEY, {"vecchio": None})
    generation = store.current_generation()
    redis_server.pause()
    try:
        assert cache.get(COOKIE_GROUPS_KEY) is None  # the site notices: a miss after the timeout
    finally:
        redis_server.resume()
    end_outage_pauses()

    assert cache.get(COOKIE_GROUPS_KEY) is None
    assert cache.get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION) is None
    assert store.current_generation() not in (None, generation)


# --- the cache itself ------------------------------------------------------------------------------


def test_a_full_redis_still_answers_reads_and_says_once_a_minute_that_it_drops_writes(
    settings, full_redis, caplog, monkeypatch
):
    monkeypatch.setattr(tolerant_cache.outages, "refusals", {})
    cache_pages_in(settings, full_redis)
    assert cache.set("prima", "valore") is not False
    full_redis.fill()
    with caplog.at_level(logging.WARNING, logger="serving.cache"):
        assert cache.set("dopo", "valore") is False
        assert [cache.add(f"nuova{n}", 1) for n in range(3)] == [False] * 3
        assert cache.get("prima") == "valore"  # reads are not paused: a full Redis is not an outage
    [line] = [record.getMessage() for record in caplog.records]
    assert line.startswith("Cache Redis piena") and "allkeys-lru" in line


@pytest.mark.django_db
def test_a_purge_in_a_full_redis_still_takes_every_page_away(
    client, settings, home_page, full_redis, django_capture_on_commit_callbacks
):
    cache_pages_in(settings, full_redis)
    about = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    client.get("/chi-siamo/")
    full_redis.fill()
    about.title = "Chi siamo davvero"
    with django_capture_on_commit_callbacks(execute=True):
        about.save_revision().publish()  # the new generation is refused: the old one is deleted
    assert "<h1>Chi siamo davvero</h1>" in client.get("/chi-siamo/").content.decode()


def test_a_read_only_replica_is_an_outage(settings, redis_server):
    """After a failover the old address may be a replica: what it holds may miss purges."""
    cache_pages_in(settings, redis_server)
    cache.set("chiave", "valore")
    with mock.patch("django.core.cache.backends.redis.RedisCacheClient.set", side_effect=ReadOnlyError("READONLY")):
        assert cache.set("chiave", "nuovo") is False
    assert cache.get("chiave") is None  # a miss for OUTAGE_PAUSE seconds, not the old value


@pytest.mark.django_db
def test_emptying_the_page_cache_keeps_the_rate_limit_counts(client, settings, course):
    settings.FORM_RATE_LIMIT = 1
    form = course.url + "richiedi-informazioni/"
    assert client.post(form, enquiry_post()).status_code == 302
    cache.clear()
    assert client.post(form, enquiry_post()).status_code == 429


# --- the deploy check ------------------------------------------------------------------------------


def test_the_deploy_check_warns_about_a_redis_that_refuses_writes_when_full(settings, full_redis):
    from serving.cache import check_eviction_policy

    cache_pages_in(settings, full_redis)
    [warning] = check_eviction_policy()
    assert warning.id == "core.W001" and "maxmemory-policy=noeviction" in warning.msg
    assert "allkeys-lru" in warning.hint


def test_the_deploy_check_is_content_with_lru_and_silent_without_redis(settings):
    from serving.cache import check_eviction_policy

    with running_redis(maxmemory="64mb", policy="allkeys-lru") as server:
        cache_pages_in(settings, server)
        assert check_eviction_policy() == []
    cache_pages_in(settings, server)  # stopped: nothing to ask
    assert check_eviction_policy() == []
