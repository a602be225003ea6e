"""The texts pages write themselves, in English on their English translations: the accessibility
statement's required sentences, the report form with its errors and thank-you, and the contributions
register. The Italian pages keep theirs."""

import datetime
from decimal import Decimal

import pytest

from accessibility.feedback import AccessibilityFeedback
from core.site_settings import OrganisationSettings
from tests.factories.accessibility import AccessibilityFeedbackPageFactory, AccessibilityStatementPageFactory
from tests.factories.transparency import ContributionsRegisterPageFactory, PublicContributionFactory

from .conftest import translate

pytestmark = pytest.mark.django_db


def html_of(response, status=200):
    assert response.status_code == status
    return response.content.decode()


@pytest.fixture
def statement(home_page, english):
    organisation = OrganisationSettings.for_site(home_page.get_site())
    organisation.email = "accessibilita@asap.example"
    organisation.save()
    italian = AccessibilityStatementPageFactory(parent=home_page)
    feedback = AccessibilityFeedbackPageFactory(parent=italian)
    translate(home_page, english, title="Home", slug="home-en")
    statement_en = translate(italian, english, title="Accessibility statement", slug="accessibility-statement")
    feedback_en = translate(feedback, english, title="Report an accessibility problem", slug="report-a-problem")
    return italian, statement_en, feedback, feedback_en


def test_the_statement_writes_its_required_sentences_in_english(client, statement):
    italian, english, _feedback, _feedback_en = statement
    html = html_of(client.get(english.url))
    for expected in [
        "ASAP is committed to making its website accessible, in accordance with Italian Law no. 4 of 9 January 2004.",
        "This website is <strong>partially compliant</strong> with the requirements of Annex A of the standard "
        "UNI CEI EN 301549 (WCAG 2.1, level AA)",
        "<h2>Compliance status</h2>",
        "<h2>Non-accessible content</h2>",
        "<h3>Non-compliance with Law 4/2004</h3>",
        "<h2>Preparation of this accessibility statement</h2>",
        "Method used to prepare the statement: self-assessment carried out by the organisation itself.",
        "<h2>Feedback and contact information</h2>",
        "report it to us with the form</a> or at",
        ": we reply within 30 days.",
        "<h2>Enforcement procedure</h2>",
        "AgID's Digital Ombudsman",
    ]:
        assert expected in html, expected
    for italian_text in ("si impegna", "Stato di conformità", "Metodo di valutazione", "rispondiamo entro"):
        assert italian_text not in html
    italian_html = html_of(client.get(italian.url))
    assert "<h2>Stato di conformità</h2>" in italian_html and "livello AA" in italian_html


def test_the_report_form_its_errors_and_thank_you_are_english(client, statement):
    _italian, _english, _feedback, feedback_en = statement
    page = html_of(client.get(feedback_en.url))
    assert "write to us: we reply within 30 days." in page
    assert "Send the report</button>" in page and "Address of the page" in page and "(required)" in page

    invalid = {"name": "", "email": "not-an-email", "page_url": "page", "description": ""}
    html = html_of(client.post(feedback_en.url, invalid), status=400)
    for expected in [
        "Your report was not sent",
        "Enter your full name.",
        "Enter a valid email address, for example name@example.com.",
        "Enter a complete web address, for example https://www.example.com/page/.",
        "Describe the problem you came across.",
    ]:
        assert expected in html, expected
    assert "Scrivi" not in html and "obbligatorio" not in html
    assert not AccessibilityFeedback.objects.exists()

    valid = {
        "name": "Jane Smith",
        "email": "jane.smith@example.org",
        "page_url": "http://localhost/en/",
        "description": "The menu cannot be reached with the keyboard.",
    }
    sent = client.post(feedback_en.url, valid)
    assert sent.status_code == 302 and sent["Location"] == feedback_en.url + "grazie/"
    thanks = html_of(client.get(sent["Location"]))
    assert "<h1>Thank you, we have received your report</h1>" in thanks
    assert "We will reply within 30 days." in thanks
    assert "Back to “Accessibility statement”" in thanks


def test_the_contributions_register_reads_english(client, home_page, english):
    register = ContributionsRegisterPageFactory(parent=home_page)
    PublicContributionFactory(amount=Decimal("12500.00"), received_on=datetime.date(2025, 3, 15))
    translate(home_page, english, title="Home", slug="home-en")
    register_en = translate(register, english, title="Public contributions received", slug="public-contributions")
    html = html_of(client.get(register_en.url))
    for expected in [
        "published under Italian Law no. 124 of 4 August 2017, Article 1, paragraphs 125-129.",
        "reaches €10,000; below this threshold it is voluntary.",
        "Open data:",
        "download the list as CSV",
        '<h2 id="anno-2025">Contributions received in 2025</h2>',
        '<th scope="col">Granting body</th>',
        "Tax code 80143490581",
        "Total 2025",
        "The total for 2025 reaches the threshold of €10,000: publication is compulsory.",
    ]:
        assert expected in html, expected
    italian = html_of(client.get(register.url))
    assert "Contributi ricevuti nel 2025" in italian and "Legge 4 agosto 2017" in italian
    assert "raggiunge 10.000 €" in italian
