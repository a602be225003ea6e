"""The visitor's consent state, kept in django-cookie-consent's cookie (`group=version|...`) plus two
entries of ours: `.cid` (the random consent id of the server-side record) and `.pv` (the policy
version the decision was taken on). Group varnames cannot contain a dot, so the keys never clash."""

import re
import secrets
from dataclasses import dataclass, field

from cookie_consent.cache import all_cookie_groups
from cookie_consent.conf import settings as consent_settings
from cookie_consent.processor import CookiesProcessor
from cookie_consent.util import (
    get_accepted_cookie_groups,
    get_cookie_dict_from_request,
    get_not_accepted_or_declined_cookie_groups,
    set_cookie_dict_to_response,
)

from .models import ConsentRecord, registry_version

CONSENT_ID_KEY = ".cid"
POLICY_VERSION_KEY = ".pv"
CONSENT_ID_RE = re.compile(r"^[0-9a-f]{32}$")


@dataclass
class ConsentState:
    ask: bool
    accepted: list[str] = field(default_factory=list)
    consent_id: str = ""


def read_state(request, policy_version):
    """What the banner should do for this visitor.

    Ask when there is no decision yet, or when someone who accepted something meets a new policy
    version or a group whose registry changed (django-cookie-consent then reports it undecided).
    A refusal is not asked again until the cookie expires (6 months)."""
    stored = get_cookie_dict_from_request(request)
    consent_id = stored.get(CONSENT_ID_KEY, "")
    if not CONSENT_ID_RE.match(consent_id) or not stored.get(POLICY_VERSION_KEY):
        return ConsentState(ask=True)
    decline = consent_settings.COOKIE_CONSENT_DECLINE
    accepted_before = any(
        value != decline for key, value in stored.items() if key in all_cookie_groups() and value is not None
    )
    if accepted_before and stored[POLICY_VERSION_KEY] != policy_version:
        return ConsentState(ask=True, consent_id=consent_id)
    accepted = [group.varname for group in get_accepted_cookie_groups(request)]
    undecided = get_not_accepted_or_declined_cookie_groups(request)
    return ConsentState(ask=bool(accepted_before and undecided), accepted=accepted, consent_id=consent_id)


def save_decision(request, response, accepted_groups, action, policy_version):
    """Apply the choice through django-cookie-consent's processor (which also deletes the cookies of
    declined groups), then store our entries in the same cookie and write the proof record."""
    groups = all_cookie_groups()
    accepted_names = {group.varname for group in accepted_groups}
    declined = [group for name, group in groups.items() if name not in accepted_names]
    processor = CookiesProcessor(request, response)
    processor.process(declined, action="decline")
    processor.process(list(accepted_groups), action="accept")

    stored = get_cookie_dict_from_request(request)
    consent_id = stored.get(CONSENT_ID_KEY, "")
    if not CONSENT_ID_RE.match(consent_id):
        consent_id = secrets.token_hex(16)
    decline = consent_settings.COOKIE_CONSENT_DECLINE
    values = {name: (group.get_version() if name in accepted_names else decline) for name, group in groups.items()}
    values[CONSENT_ID_KEY] = consent_id
    values[POLICY_VERSION_KEY] = policy_version
    # the processor set the cookie twice from the request's old value; this final write wins
    set_cookie_dict_to_response(response, values)
    if request.is_secure():
        response.cookies[consent_settings.COOKIE_CONSENT_NAME]["secure"] = True

    return ConsentRecord.objects.create(
        consent_id=consent_id,
        action=action,
        choices={name: name in accepted_names for name in groups},
        policy_version=policy_version,
        registry_version=registry_version(),
    )
