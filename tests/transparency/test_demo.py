"""The demo ships the register (two years of receipts tied to demo projects, in the menu) and the
accessibility feedback form linked from the accessibility statement; a second run adds nothing."""

import io

import pytest
from django.core.management import call_command

from accessibility.models import AccessibilityFeedbackPage
from transparency.models import PublicContribution

pytestmark = pytest.mark.django_db


def test_the_demo_register_and_feedback_form(wagtail_root, client):
    call_command("seed_demo", stdout=io.StringIO())
    receipts = PublicContribution.objects.count()
    call_command("seed_demo", stdout=io.StringIO())
    assert PublicContribution.objects.count() == receipts
    assert set(PublicContribution.objects.values_list("year", flat=True)) == {2024, 2025}
    assert PublicContribution.objects.filter(project__isnull=False).count() >= 5

    home = client.get("/").content.decode()
    assert 'href="/contributi-pubblici/">Trasparenza</a>' in home
    register = client.get("/contributi-pubblici/").content.decode()
    assert "Contributi ricevuti nel 2025" in register and "Contributi ricevuti nel 2024" in register
    assert "Regione Lazio" in register and "Codice fiscale 80143490581" in register
    assert "61.250,50 €" in register and "6 ottobre 2025" in register

    form_page = AccessibilityFeedbackPage.objects.get()
    assert form_page.url == "/dichiarazione-di-accessibilita/segnala-un-problema/"
    statement = client.get("/dichiarazione-di-accessibilita/").content.decode()
    assert 'href="/dichiarazione-di-accessibilita/segnala-un-problema/"' in statement
    assert statement.count("segnala-un-problema") == 1  # linked once, not again on the second run
    assert client.get(form_page.url).status_code == 200
