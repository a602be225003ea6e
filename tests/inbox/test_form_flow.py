"""A new kind of visitor form plugs into the flow with a form, its e-mails and a thank-you answer,
and gets the guarantees every form has: spam looks accepted and stores nothing, the message and its
e-mails are committed together and sent after commit, errors come back with their fields, the
confirmations to one address stop at the day's allowance, and a failure while queuing stores nothing."""

import pytest
from django import forms
from django.core import mail
from django.http import HttpResponse
from django.test import RequestFactory
from wagtail.contrib.forms.models import FormSubmission

from inbox.flow import FormFlow
from inbox.forms import HoneypotMixin
from inbox.mail import FormMails
from outbox.models import OutboundEmail
from tests.factories.outbox import ContactFormPageFactory


class SignUpForm(HoneypotMixin, forms.Form):
    email = forms.EmailField(label="E-mail", error_messages={"invalid": "Scrivi un indirizzo e-mail valido."})


class SignUpMails(FormMails):
    staff_template = "contact/email/contact_staff.txt"
    visitor_template = "contact/email/contact_staff.txt"

    def staff_subject(self):
        return "Nuova iscrizione"

    def visitor_subject(self):
        return "Conferma la tua iscrizione"

    def admin_path(self):
        return "/admin/"

    def reply_to(self):
        return self.visitor_address()

    def visitor_address(self):
        return self.message.form_data["email"]


class SignUpFlow(FormFlow):
    throttle_scope = "signup"
    mails = SignUpMails

    def get_form(self, data=None):
        return SignUpForm(data)

    def store(self, form):
        return FormSubmission.objects.create(page=self.page, form_data=form.cleaned_data)

    def thank_you(self, form, message):
        return HttpResponse("Grazie", status=303)

    def render(self, form, status):
        return HttpResponse(str(form.errors), status=status)


@pytest.fixture
def sign_up(home_page):
    page = ContactFormPageFactory(parent=home_page)

    def post(data):
        return SignUpFlow(RequestFactory().post("/iscriviti/", data), page).serve()

    return post


@pytest.mark.django_db
def test_a_new_form_stores_and_mails_after_commit(sign_up, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert sign_up({"email": "anna@esempio.it"}).status_code == 303
    assert FormSubmission.objects.get().form_data["email"] == "anna@esempio.it"
    assert OutboundEmail.objects.filter(status=OutboundEmail.Status.PENDING).count() == 2
    assert mail.outbox == [], "nothing is sent before the commit"
    for callback in callbacks:
        callback()
    assert sorted(message.subject for message in mail.outbox) == ["Conferma la tua iscrizione", "Nuova iscrizione"]


@pytest.mark.django_db
def test_spam_looks_accepted_and_errors_come_back(sign_up):
    assert sign_up({"email": "anna@esempio.it", "sito_web": "http://spam.example"}).status_code == 303
    answer = sign_up({"email": "anna"})
    assert answer.status_code == 400 and "Scrivi un indirizzo e-mail valido." in answer.content.decode()
    assert not FormSubmission.objects.exists() and not OutboundEmail.objects.exists()


@pytest.mark.django_db
def test_confirmations_to_one_address_stop_at_the_days_allowance(sign_up, settings):
    settings.COURSES_CONFIRMATIONS_PER_ADDRESS_PER_DAY = 1
    settings.FORM_RATE_LIMIT = 10
    for _ in range(2):
        sign_up({"email": "anna@esempio.it"})
    assert OutboundEmail.objects.filter(kind=OutboundEmail.Kind.VISITOR).count() == 1
    assert OutboundEmail.objects.filter(kind=OutboundEmail.Kind.STAFF).count() == 2


@pytest.mark.django_db
def test_a_failure_while_queuing_the_mails_stores_nothing(sign_up, monkeypatch):
    def broken(self):
        raise RuntimeError("template missing")

    monkeypatch.setattr(SignUpMails, "staff_subject", broken)
    with pytest.raises(RuntimeError):
        sign_up({"email": "anna@esempio.it"})
    assert not FormSubmission.objects.exists() and not OutboundEmail.objects.exists()
