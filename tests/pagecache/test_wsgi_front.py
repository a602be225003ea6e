"""Hits answered in front of Django (`asap_site.wsgi.application`, what gunicorn serves): the same
bytes and headers as Django's answer, no request built, and never for an editor or after a purge."""

import io

import pytest
import time_machine
from django.core.signals import request_started
from django.test import RequestFactory
from django.utils import timezone

from asap_site.wsgi import application
from tests.factories import ContentPageFactory

# The WSGI handler closes database connections after each request, as between real requests.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def about(home_page):
    return ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")


@pytest.fixture
def served():
    """`served(path, **environ)` -> (status, headers, body, whether Django saw the request)."""
    django_requests = []

    def count(**kwargs):
        django_requests.append(1)

    request_started.connect(count)

    def serve(path, method="get", **extra):
        environ = getattr(RequestFactory(), method)(path, **extra).environ
        environ["wsgi.input"] = io.BytesIO(b"")
        answer, seen = {}, len(django_requests)
        body = application(environ, lambda status, headers: answer.update(status=status, headers=dict(headers)))
        content = b"".join(body)
        if hasattr(body, "close"):
            body.close()
        return answer["status"], answer["headers"], content, len(django_requests) > seen

    yield serve
    request_started.disconnect(count)


def test_a_stored_page_is_answered_before_django_with_the_same_bytes_and_headers(served, page_cache, about):
    with time_machine.travel(timezone.now(), tick=False):  # Age counts whole seconds: a busy machine adds one
        status, headers, content, by_django = served("/chi-siamo/")
        again_status, again_headers, again_content, again_by_django = served("/chi-siamo/")
    assert status == "200 OK" and by_django
    assert again_status == "200 OK" and not again_by_django
    assert again_content == content and b"Chi siamo" in again_content
    for name in ("Content-Type", "Cache-Control", "Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"):
        assert again_headers[name] == headers[name]
    assert again_headers["Age"] == "0"


def test_the_query_is_keyed_in_a_normal_order_as_in_django(served, page_cache, project_catalogue):
    served("/progetti/?tema=2&page=1")
    assert not served("/progetti/", QUERY_STRING="page=1&tema=2")[3]
    assert served("/progetti/", QUERY_STRING="page=1&tema=3")[3]


def test_editors_and_other_hosts_go_to_django(served, page_cache, about):
    page_cache.ALLOWED_HOSTS = ["testserver"]
    served("/chi-siamo/")
    assert served("/chi-siamo/", HTTP_COOKIE="sessionid=abc")[3]
    assert served("/chi-siamo/", HTTP_AUTHORIZATION="Basic eDp5")[3]
    assert served("/chi-siamo/", method="post")[3]
    status, _headers, _content, by_django = served("/chi-siamo/", HTTP_HOST="evil.example")
    assert status.startswith("400") and by_django
    assert served("/chi-siamo/", HTTP_HOST="evil.example")[3], "a refused host is never stored"


def test_a_publish_is_seen_on_the_next_request(served, page_cache, about):
    # Without the rebuild (test_rebuild.py), which would answer it from the cache, fresh.
    page_cache.PAGE_CACHE_REBUILD = False
    served("/chi-siamo/")
    about.title = "Chi siamo davvero"
    about.save_revision().publish()
    _status, _headers, content, by_django = served("/chi-siamo/")
    assert by_django and b"Chi siamo davvero" in content
    assert not served("/chi-siamo/")[3]


def test_after_a_publish_the_rebuilt_page_is_answered_before_django(served, page_cache, about):
    served("/chi-siamo/")
    about.title = "Chi siamo davvero"
    about.save_revision().publish()  # committed at once here: the rebuild runs inline
    _status, _headers, content, by_django = served("/chi-siamo/")
    assert not by_django and b"Chi siamo davvero" in content


def test_without_the_page_cache_every_request_goes_to_django(served, about):
    served("/chi-siamo/")
    assert served("/chi-siamo/")[3]
