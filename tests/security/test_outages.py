"""Outage drills: with Redis down every page still answers; with the database down the visitor gets the
branded 503 with Retry-After (JSON for JSON clients) and the site recovers by itself when it is back.

The database drills call Django's real WSGI handler, as a WSGI server does: unlike the test client it
keeps the request signals that close broken or expired connections, which is what recovery relies on."""

import json
import logging
from unittest import mock

import pytest
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.db import InterfaceError, OperationalError, connection
from django.test import RequestFactory

from courses.enquiries import CourseEnquiry
from serving import cache as tolerant_cache
from tests.courses.test_enquiries import valid_post

from .faults import TCPRelay, free_port

JSON = "application/json"


def use_redis(settings, url):
    settings.CACHES = {
        "default": {
            "BACKEND": "serving.cache.TolerantRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }


def assert_everything_answers(client, site_pages, course):
    for path in site_pages:
        response = client.get(path)
        assert response.status_code == (404 if path == "/non-esiste/" else 200), path
    enquiry = client.post(course.url + "richiedi-informazioni/", valid_post())
    assert enquiry.status_code == 302


# --- cache -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_redis_on_a_closed_port_leaves_every_page_working(client, settings, site_pages, course, caplog):
    use_redis(settings, f"redis://127.0.0.1:{free_port()}/0")
    with caplog.at_level(logging.WARNING, logger="serving.cache"):
        assert_everything_answers(client, site_pages, course)
    assert CourseEnquiry.objects.count() == 1
    outage_lines = [r for r in caplog.records if "Cache Redis non raggiungibile" in r.getMessage()]
    assert len(outage_lines) == 1


@pytest.mark.django_db
def test_a_real_redis_that_stops_and_comes_back(client, settings, site_pages, course, redis_server, monkeypatch):
    monkeypatch.setattr(tolerant_cache, "OUTAGE_PAUSE", 0.2)
    use_redis(settings, redis_server.url)
    assert_everything_answers(client, site_pages, course)
    cache.set("prova", "valore")
    assert cache.get("prova") == "valore"

    redis_server.stop()
    assert_everything_answers(client, site_pages, course)
    assert cache.get("prova") is None  # a miss, not an error

    redis_server.start()
    tolerant_cache.outages.until.clear()  # as if OUTAGE_PAUSE had passed
    cache.set("prova", "di nuovo")
    assert cache.get("prova") == "di nuovo"
    assert_everything_answers(client, site_pages, course)


# --- database --------------------------------------------------------------------------------------


def serve(path, accept="text/html"):
    """One request through Django's WSGI handler: (status code, headers, body)."""
    answer = {}

    def start_response(status, headers, exc_info=None):
        answer["status"], answer["headers"] = int(status.split()[0]), dict(headers)

    environ = RequestFactory().get(path, HTTP_ACCEPT=accept).environ
    response = WSGIHandler()(environ, start_response)
    try:
        body = b"".join(response)
    finally:
        response.close()  # request_finished: Django closes a broken connection here
    return answer["status"], answer["headers"], body.decode()


def assert_unavailable(settings):
    cache.clear()  # what the shared parts already hold renders without the database: ask for what they don't
    status, headers, html = serve("/")
    assert status == 503
    assert headers["Retry-After"] == str(settings.OUTAGE_RETRY_AFTER)
    assert "<h1>Servizio temporaneamente non disponibile</h1>" in html
    status, headers, body = serve("/cookie/stato/", accept=JSON)
    assert status == 503 and headers["Content-Type"] == JSON
    assert json.loads(body)["error"] == "Servizio temporaneamente non disponibile."


@pytest.mark.django_db(transaction=True)  # the WSGI handler closes connections, as between real requests
@pytest.mark.parametrize("error", [OperationalError("unable to open database file"), InterfaceError("closed")])
def test_database_errors_give_the_branded_503_and_the_site_recovers(home_page, settings, error):
    assert serve("/")[0] == 200
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=error):
        assert serve("/")[0] == 200, "a page built before the outage renders from the shared parts"
        assert_unavailable(settings)
    assert serve("/")[0] == 200


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("conn_max_age", [0, 60], ids=["new-connection-per-request", "persistent-connections"])
def test_postgresql_stopped_and_restarted(home_page, settings, conn_max_age):
    """The database behind a relay that is cut as a stopping server cuts its connections."""
    if connection.vendor != "postgresql":
        pytest.skip("runs when DATABASE_URL is PostgreSQL (CI's first pass)")
    db = connection.settings_dict
    relay = TCPRelay(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    saved = {key: db[key] for key in ("HOST", "PORT", "CONN_MAX_AGE")}
    relay.start()
    connection.close()
    db.update(HOST="127.0.0.1", PORT=str(relay.port), CONN_MAX_AGE=conn_max_age)
    try:
        assert serve("/")[0] == 200
        relay.stop()
        assert_unavailable(settings)
        relay.start()
        assert serve("/")[0] == 200
        if conn_max_age:
            # a restart between two requests: the health check replaces the dead connection, nobody sees a 503
            relay.stop()
            relay.start()
            assert serve("/")[0] == 200
    finally:
        relay.stop()
        connection.close()
        db.update(saved)
