"""Every failure gets a branded Italian answer (JSON for JSON clients), rendered without the database
and without reading request.POST."""

import json
from unittest import mock

import pytest
from django.core.exceptions import BadRequest, PermissionDenied, RequestDataTooBig
from django.test import Client
from django.urls import get_resolver

from home.models import HomePage

FORM = "application/x-www-form-urlencoded"
ENQUIRY = {"first_name": "Giulia", "last_name": "Rossi", "email": "giulia@esempio.it", "message": "Informazioni"}


def text(response):
    return response.content.decode()


def assert_branded(response, status, heading):
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    html = text(response)
    assert '<html lang="it">' in html
    assert f"<h1>{heading}</h1>" in html
    assert "Torna alla home page" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("status", "exception", "heading"),
    [
        (400, BadRequest("x"), "Richiesta non valida"),
        (400, RequestDataTooBig("x"), "Dati troppo grandi"),
        (403, PermissionDenied("x"), "Accesso negato"),
        (404, None, "Pagina non trovata"),
    ],
)
def test_handlers_render_without_the_database(rf, django_assert_num_queries, status, exception, heading):
    handler = get_resolver().resolve_error_handler(status)
    with django_assert_num_queries(0):
        response = handler(rf.get("/"), exception)
    expected = 413 if isinstance(exception, RequestDataTooBig) else status
    assert_branded(response, expected, heading)


@pytest.mark.django_db
def test_a_server_error_is_branded(fresh_client, home_page):
    with mock.patch.object(HomePage, "get_context", side_effect=RuntimeError("guasto")):
        response = fresh_client.get("/")
    assert_branded(response, 500, "Si è verificato un errore")
    assert "guasto" not in text(response) and "Traceback" not in text(response)


@pytest.mark.django_db
def test_a_missing_page_is_branded(client, home_page):
    assert_branded(client.get("/non-esiste/"), 404, "Pagina non trovata")


@pytest.mark.django_db
def test_a_csrf_failure_is_explained_in_italian(home_page, course):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post(course.url + "richiedi-informazioni/", ENQUIRY)
    assert_branded(response, 403, "Modulo scaduto")
    assert "Ricarica la pagina del modulo" in text(response)
    assert "CSRF" not in text(response)


@pytest.mark.django_db
def test_a_csrf_failure_answers_json_to_the_consent_script(home_page):
    browser = Client(enforce_csrf_checks=True)
    response = browser.post("/cookie/scelta/", {"action": "accept_all"}, HTTP_ACCEPT="application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["error"]


@pytest.mark.django_db
def test_an_oversized_post_gets_413_not_a_page_about_address_parameters(client, course, settings):
    body = "message=" + "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)
    response = client.post(course.url + "richiedi-informazioni/", body, content_type=FORM)
    assert_branded(response, 413, "Dati troppo grandi")
    assert "parametri" not in text(response)
    as_json = client.post("/cookie/scelta/", body, content_type=FORM, HTTP_ACCEPT="application/json")
    assert as_json.status_code == 413
    assert json.loads(as_json.content)["error"].startswith("I dati inviati superano")


@pytest.mark.django_db
@pytest.mark.parametrize("charset", ["utf-16", "UTF-32", "utf-16-le"])
def test_a_form_in_a_foreign_charset_gets_400(client, course, charset):
    body = "first_name=Giulia&message=ciao"  # the test client encodes it in `charset`
    for path in (course.url + "richiedi-informazioni/", "/cookie/scelta/", "/cerca/"):
        response = client.post(path, body, content_type=f"{FORM}; charset={charset}")
        assert_branded(response, 400, "Richiesta non valida")


@pytest.mark.django_db
def test_a_multipart_form_in_a_foreign_charset_gets_400(client, course):
    response = client.post(
        course.url + "richiedi-informazioni/", b"--x--", content_type="multipart/form-data; boundary=x; charset=utf-16"
    )
    assert response.status_code == 400


@pytest.mark.django_db
def test_utf8_forms_are_untouched(client, course):
    response = client.post(
        course.url + "richiedi-informazioni/", "first_name=Giulia", content_type=f"{FORM}; charset=UTF-8"
    )
    assert response.status_code == 400  # the form's own answer: required fields missing
    assert "Richiesta non valida" not in text(response)
    assert "Questo campo è obbligatorio." in text(response)


@pytest.mark.django_db
def test_a_request_for_an_unknown_host_gets_the_branded_400(client, home_page, settings):
    settings.ALLOWED_HOSTS = ["asap.example"]
    assert_branded(client.get("/", HTTP_HOST="attacker.example"), 400, "Richiesta non valida")
