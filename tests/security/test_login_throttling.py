"""Brute force on every login and password form stops after a few tries, with an Italian answer that
says when to retry; an administrator can unlock at once."""

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from tests.factories import ContentPageFactory

WRONG = "password-sbagliata"
RIGHT = "una-password-robusta"  # the `superuser` fixture's
LOGIN_FORMS = ["/admin/login/", "/django-admin/login/", "/_util/login/"]


def log_in(client, path, password, username="capo", address="203.0.113.7"):
    return client.post(path, {"username": username, "password": password}, REMOTE_ADDR=address)


def assert_locked_out(response, settings):
    assert response.status_code == 429
    assert int(response["Retry-After"]) == settings.AXES_COOLOFF_TIME.total_seconds()
    html = response.content.decode()
    assert "<h1>Troppi tentativi di accesso</h1>" in html
    assert "chiedi a un amministratore" in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", LOGIN_FORMS)
def test_logins_lock_a_username_from_an_address_after_the_failure_limit(client, superuser, home_page, settings, path):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, path, WRONG).status_code == 200
    assert_locked_out(log_in(client, path, WRONG), settings)
    # now even the right password waits for the cool-off
    assert_locked_out(log_in(client, path, RIGHT), settings)
    # the same person from another address, and another username from this one, are not affected
    assert log_in(client, path, RIGHT, address="198.51.100.2").status_code == 302
    assert log_in(client, path, WRONG, username="altro").status_code == 200


SPRAYED_USERNAMES = ["capo", "mario", "giulia", "segreteria", "redazione", "admin"]


@pytest.mark.django_db
def test_password_spraying_from_one_address_stops_at_the_address_limit(client, superuser, settings):
    """24 wrong passwords over 6 usernames (4 each, under the per-user limit): the address is locked
    after LOGIN_ADDRESS_FAILURE_LIMIT of them, right password included; another address still logs in."""
    answers = [
        log_in(client, "/admin/login/", f"{WRONG}-{round_}", username=username)
        for round_ in range(4)
        for username in SPRAYED_USERNAMES
    ]
    limit = settings.LOGIN_ADDRESS_FAILURE_LIMIT
    # the limit-th wrong password is checked, then answered with the lock, like axes' own limit
    assert [answer.status_code for answer in answers] == [200] * (limit - 1) + [429] * (24 - limit + 1)
    locked = answers[-1]
    assert_locked_out(locked, settings)
    assert "anche per nomi utente diversi" in locked.content.decode()
    assert_locked_out(log_in(client, "/admin/login/", RIGHT), settings)
    assert log_in(client, "/admin/login/", RIGHT, address="198.51.100.2").status_code == 302


@pytest.mark.django_db
def test_a_successful_login_does_not_clear_the_address_failures_on_other_usernames(client, superuser, settings):
    for attempt in range(settings.LOGIN_ADDRESS_FAILURE_LIMIT - 1):
        log_in(client, "/admin/login/", WRONG, username=SPRAYED_USERNAMES[1 + attempt % 5])
    assert log_in(client, "/admin/login/", RIGHT).status_code == 302
    client.logout()
    assert log_in(client, "/admin/login/", WRONG, username="mario").status_code == 429


@pytest.mark.django_db
def test_the_lock_is_shared_by_the_admin_logins(client, superuser, settings):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, LOGIN_FORMS[attempt % 2], WRONG)
    assert_locked_out(log_in(client, "/admin/login/", RIGHT), settings)


@pytest.mark.django_db
def test_an_administrator_unlocks_with_axes_reset(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "/admin/login/", WRONG)
    assert log_in(client, "/admin/login/", RIGHT).status_code == 429
    call_command("axes_reset_username", "capo")
    assert log_in(client, "/admin/login/", RIGHT).status_code == 302


@pytest.mark.django_db
def test_a_successful_login_clears_the_failures(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "/admin/login/", WRONG)
    assert log_in(client, "/admin/login/", RIGHT).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "/admin/login/", WRONG).status_code == 200


@pytest.mark.django_db
def test_behind_a_proxy_the_lock_follows_the_real_client(client, superuser, settings):
    settings.TRUSTED_PROXY_COUNT = 1

    def through_proxy(visitor, password):
        return client.post(
            "/admin/login/",
            {"username": "capo", "password": password},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR=visitor,
        )

    for _ in range(settings.AXES_FAILURE_LIMIT):
        through_proxy("198.51.100.66", WRONG)
    assert through_proxy("198.51.100.66", RIGHT).status_code == 429
    assert through_proxy("198.51.100.7", RIGHT).status_code == 302


@pytest.mark.django_db
def test_the_password_reset_form_is_throttled(client, superuser, settings):
    for _ in range(settings.PASSWORD_FORM_RATE_LIMIT):
        assert client.post("/admin/password_reset/", {"email": "capo@asap.example"}).status_code == 302
    blocked = client.post("/admin/password_reset/", {"email": "capo@asap.example"})
    assert blocked.status_code == 429
    assert 0 < int(blocked["Retry-After"]) <= settings.PASSWORD_FORM_RATE_WINDOW
    assert "<h1>Troppe richieste in poco tempo</h1>" in blocked.content.decode()


@pytest.fixture
def private_pages(home_page):
    pages = [ContentPageFactory(parent=home_page, slug=f"riservata-{n}") for n in (1, 2)]
    restrictions = [
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="segreta")
        for page in pages
    ]
    return list(zip(pages, restrictions, strict=True))


def try_password(client, page, restriction, password):
    url = f"/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    return client.post(url, {"password": password, "return_url": page.url})


@pytest.mark.django_db
def test_private_page_passwords_are_throttled_per_restriction(client, private_pages, settings):
    (page, restriction), (other_page, other_restriction) = private_pages
    assert try_password(client, page, restriction, "segreta").status_code == 302  # right ones do not count
    for _ in range(settings.PASSWORD_FORM_RATE_LIMIT):
        assert try_password(client, page, restriction, WRONG).status_code == 200
    blocked = try_password(client, page, restriction, "segreta")
    assert blocked.status_code == 429
    assert "<h1>Troppi tentativi</h1>" in blocked.content.decode()
    assert int(blocked["Retry-After"]) > 0
    assert try_password(client, other_page, other_restriction, "segreta").status_code == 302
