"""The cookie registry and the generated cookie policy page (consent.yaml)."""

from cookie_consent.models import Cookie, CookieGroup

from consent.models import CookieDetails, CookiePolicyPage
from demo.helpers import ensure_page, home_page, read

DETAILS = ("provider", "duration", "is_third_party")


def seed():
    data = read("consent")
    created = 0
    groups = {}
    for fields in data["groups"]:
        groups[fields["varname"]], was_created = CookieGroup.objects.get_or_create(
            varname=fields["varname"], defaults=fields
        )
        created += was_created
    for fields in data["cookies"]:
        cookie, was_created = Cookie.objects.get_or_create(
            cookiegroup=groups[fields["group"]],
            name=fields["name"],
            domain=fields["domain"],
            defaults={"description": fields["description"]},
        )
        _, details_created = CookieDetails.objects.get_or_create(
            cookie=cookie, defaults={key: fields[key] for key in DETAILS}
        )
        created += was_created + details_created
    home = home_page()
    if home is not None:
        _, policy_created = ensure_page(home, CookiePolicyPage, data["policy_page"])
        created += policy_created
    return created
