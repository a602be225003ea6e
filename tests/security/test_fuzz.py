"""Random query strings, bodies and headers against the public URLs and the anonymous endpoints: no
answer may be a 5xx, and a <script> canary sent in the input must never come back unescaped.

The default run is short (about HYPOTHESIS_FUZZ_EXAMPLES=1000 cases in all); CI can raise it."""

import os
from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.courses.test_enquiries import course  # noqa: F401

pytestmark = pytest.mark.django_db

TOTAL_EXAMPLES = int(os.environ.get("HYPOTHESIS_FUZZ_EXAMPLES", "1000"))
CANARY = "<script>fz9canary</script>"
fuzz = settings(
    max_examples=max(TOTAL_EXAMPLES // 4, 10),
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    deadline=None,
)

words = st.one_of(
    st.just(CANARY),
    st.text(max_size=40),
    st.sampled_from(["", "0", "-1", "1e999", "NaN", "%00", "../..", "' OR 1=1 --", "\x00", "😀", "a" * 300]),
)
query_strings = st.one_of(
    st.dictionaries(st.sampled_from(["q", "page", "tipo", "fondo", "tema", "anno", "ordine", "x"]), words, max_size=4),
    st.dictionaries(words, words, max_size=3),
)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT": st.sampled_from(["application/json", "text/html", "*/*", "", "a/b;q=x", CANARY]),
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(["it", "en-US,en;q=0.5", "xx", "", CANARY]),
        "HTTP_USER_AGENT": words,
        "HTTP_X_FORWARDED_FOR": st.sampled_from(["1.2.3.4", "::1", "nonsense", "1.2.3.4, 5.6.7.8", ""]),
        "HTTP_REFERER": words,
    },
)


@pytest.fixture
def site_urls(home_page, portfolio, course, registry, settings):  # noqa: F811
    for name in ("FORM_RATE_LIMIT", "ANALYTICS_BEACON_RATE_LIMIT", "CONSENT_DECISION_RATE_LIMIT"):
        setattr(settings, name, 10**6)
    projects = list(portfolio["projects"].values())
    urls = ["/", "/cerca/", projects[0].get_parent().url, course.get_parent().url, projects[0].url, course.url]
    urls += [course.url + "richiedi-informazioni/", "/cookie/stato/", "/cookie/preferenze/", "/sitemap.xml"]
    urls.append("/pagina-inesistente/")
    return urls


def check(response):
    assert response.status_code < 500, response.status_code
    body = response.content.decode(errors="replace")
    assert CANARY not in body, "canary reflected unescaped"


@fuzz
@given(data=st.data(), params=query_strings, meta=headers)
def test_public_pages_never_fail_on_random_query_strings(site_urls, data, params, meta):
    url = data.draw(st.sampled_from(site_urls))
    check(Client(raise_request_exception=False).get(f"{url}?{urlencode(params)}", **meta))


bodies = st.one_of(
    st.binary(max_size=300),
    st.text(max_size=300).map(str.encode),
    st.dictionaries(words, words, max_size=4).map(lambda d: urlencode(d).encode()),
    st.recursive(
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), words),
        lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(words, inner, max_size=3)),
        max_leaves=10,
    ).map(lambda v: __import__("json").dumps(v).encode()),
)
content_types = st.sampled_from(
    [
        "application/x-www-form-urlencoded",
        "application/x-www-form-urlencoded; charset=utf-16",
        "text/plain",
        "application/json",
        "multipart/form-data; boundary=xyz",
        "multipart/form-data",
        "",
    ]
)


@fuzz
@given(data=st.data(), body=bodies, content_type=content_types, meta=headers)
def test_anonymous_endpoints_never_fail_on_random_bodies(site_urls, course, data, body, content_type, meta):  # noqa: F811
    url = data.draw(
        st.sampled_from(
            ["/statistiche/visita/", "/cookie/scelta/", "/cookie/preferenze/", course.url + "richiedi-informazioni/"]
        )
    )
    client = Client(raise_request_exception=False)
    check(client.generic("POST", url, body, content_type=content_type, **meta))


@fuzz
@given(
    fields=st.dictionaries(
        st.sampled_from(
            [
                "first_name",
                "last_name",
                "email",
                "phone",
                "organisation",
                "participants",
                "message",
                "request_type",
                "privacy",
                "action",
                "cookie_groups",
                "website",
            ]
        ),
        words,
        max_size=9,
    ),
    meta=headers,
)
def test_forms_never_fail_or_reflect_on_random_fields(site_urls, course, fields, meta):  # noqa: F811
    client = Client(raise_request_exception=False)
    check(client.post(course.url + "richiedi-informazioni/", fields, **meta))
    check(client.post("/cookie/preferenze/", fields, **meta))


@fuzz
@given(q=words, params=query_strings, meta=headers)
def test_search_never_fails_or_reflects(site_urls, q, params, meta):
    check(Client(raise_request_exception=False).get("/cerca/", {**params, "q": q}, **meta))
