"""Redis drills with a real redis-server: a full Redis (maxmemory with noeviction) costs neither a page
nor a post, and a purge made while Redis is frozen is seen as soon as Redis answers again, by the
process that made it and, through the task worker's retry, by every other."""

import pytest
from django.test import Client
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission

from accessibility.models import AccessibilityFeedback
from core import cache as tolerant_cache
from courses.enquiries import CourseEnquiry
from tests.accessibility.test_feedback import URL as FEEDBACK_URL
from tests.accessibility.test_feedback import feedback_page  # noqa: F401
from tests.accessibility.test_feedback import valid_post as feedback_post
from tests.courses.test_enquiries import valid_post as enquiry_post
from tests.outbox.test_contact_form import MESSAGE, contact_page  # noqa: F401

from .faults import running_redis
from .test_drills import DATABASE_TASKS
from .test_outages import use_redis

JUNK_REQUESTS = 50


def cache_pages_in(settings, server):
    """Production's setup: pages, parts and the generation in this Redis."""
    use_redis(settings, server.url)
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

    [retry] = DBTaskResult.objects.filter(task_path="core.pagecache.tasks.retry_purge")
    retry.task.call(*retry.args_kwargs["args"], **retry.args_kwargs["kwargs"])  # what db_worker does
    assert served_and_listed(client, project, project_catalogue) == (False, False)
