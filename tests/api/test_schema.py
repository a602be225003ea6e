"""The API's OpenAPI schema is valid (openapi-spec-validator), and every operation it documents,
fuzzed from the schema by schemathesis through the Django WSGI application, answers no 5xx and only
what the schema says: its status codes, content types, headers and bodies. Bounded (15 random
cases per operation, valid and invalid, without shrinking) so that the file runs in about a minute
on an idle machine."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from openapi_spec_validator import validate
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api.service import api

SCHEMA_URL = "/api/v3/openapi.json"
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


def test_the_published_schema_is_valid_openapi(client, db):
    published = client.get(SCHEMA_URL)
    assert published.status_code == 200
    validate(published.json())
    assert set(published.json()["paths"]) >= {"/api/v3/progetti/", "/api/v3/progetti/{project_id}/"}


@pytest.fixture
def wsgi_app(open_data, settings):
    """The site as a server runs it, on the test's database: the test's transaction stays open
    across requests (as Django's test client keeps it), and no client is throttled."""
    settings.API_RATE_LIMIT = 100_000
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield get_wsgi_application()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
# Random generation only (valid and invalid values): schemathesis's deterministic coverage phase
# (hypothesis's `explicit`) tries every boundary of the ten project filters and takes minutes.
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
    phases=[Phase.generate],
)
def test_every_operation_answers_as_documented(case, wsgi_app):
    case.call_and_validate(app=wsgi_app, base_url="http://localhost", checks=CHECKS)
