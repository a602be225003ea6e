"""The licence of everything the site publishes as data (CC BY 4.0), in one place: every export
(projects, contributions register, courses), the data page and the DCAT-AP_IT catalogue name it
from here, so they cannot disagree. `core` because the exports live in the apps that own the data."""

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/deed.it"
LICENCE_NAME = "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)"
LICENCE_SHORT_NAME = "CC BY 4.0"
# The key JSON exports carry it under (their keys are Italian: a public interface, only appended to).
JSON_KEY = "licenza"


def licensed(response, cross_origin=False):
    """`response` with the licence as a `Link: <...>; rel="license"` header (RFC 8288; CSV readers
    see no extra row) and, for JSON meant for other sites' scripts, `Access-Control-Allow-Origin: *`."""
    response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    if cross_origin:
        response["Access-Control-Allow-Origin"] = "*"
    return response
