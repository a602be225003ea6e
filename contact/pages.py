"""The "Scrivici" page's side of the visitor forms' flow: Wagtail builds the form from the fields
editors define, the message is a Wagtail form submission, the thank-you text is the page's landing
page (no redirect: the page has no other address)."""

from django.template.response import TemplateResponse

from inbox.flow import FormFlow
from inbox.forms import HONEYPOT_FIELD

from .mail import ContactMails


class ContactFlow(FormFlow):
    throttle_scope = "contact"
    invalid_status = 200  # Wagtail's form pages answer a form with errors with 200

    def get_form(self, data=None):
        if data is None:
            return self.page.get_form(page=self.page, user=self.request.user)
        return self.page.get_form(data, self.request.FILES, page=self.page, user=self.request.user)

    def store(self, form):
        form.cleaned_data.pop(HONEYPOT_FIELD, None)
        return self.page.get_submission_class().objects.create(form_data=form.cleaned_data, page=self.page)

    def queue_mails(self, form, message):
        return ContactMails(message, self.request, page=self.page, form=form).queue()

    def thank_you(self, form, message):
        return self.page.render_landing_page(self.request, message)

    def render(self, form, status):
        context = {**self.page.get_context(self.request), "form": form}
        return TemplateResponse(self.request, self.page.get_template(self.request), context, status=status)
