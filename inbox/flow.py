"""One flow for every form a visitor posts (course enquiry, accessibility report, "Scrivici"; next
event registration and newsletter sign-up): a honeypot and a rate limit keep automated posts out,
the message and its e-mails are stored in one transaction, the e-mails are sent after commit, the
visitor gets the thank-you page. Nothing is mailed inside the request, so neither a mail server nor a
Redis outage turns a post into an error or loses it. docs/visitor-forms.md shows how a form plugs in."""

from django.db import transaction
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from outbox.tasks import send_after_commit
from serving import ratelimit


class FormFlow:
    """A form's flow for one request on the page it belongs to (the course, the feedback page, the
    contact page). A kind subclasses it, names its throttle scope, its `FormMails` and its template,
    and says how to build the form and thank the visitor."""

    throttle_scope = ""  # the rate limit's scope: FORM_RATE_LIMIT accepted posts per FORM_RATE_WINDOW
    mails = None  # the FormMails subclass of what the form stores
    template = ""  # the page with the form
    invalid_status = 400  # a form shown again with its errors

    def __init__(self, request, page):
        self.request = request
        self.page = page

    @classmethod
    def view(cls):
        """The view a page's route calls as `view(request, page)`: GET and POST only, never cached
        (the form carries the visitor's CSRF token)."""

        @never_cache
        @require_http_methods(["GET", "POST"])
        def serve(request, page):
            return cls(request, page).serve()

        return serve

    def get_form(self, data=None):
        raise NotImplementedError

    def get_context(self, form):
        return {"page": self.page, "form": form}

    def thank_you(self, form, message):
        """The answer to an accepted post; `message` is None for spam, which must look accepted."""
        raise NotImplementedError

    def store(self, form):
        """Save what the visitor sent; runs inside the transaction that queues its e-mails."""
        return form.save()

    def queue_mails(self, form, message):
        return self.mails(message, self.request).queue()

    def serve(self):
        """GET: the empty form; POST: the thank-you answer, or the form again with its errors."""
        if self.request.method != "POST":
            return self.render(self.get_form(), status=200)
        form = self.get_form(self.request.POST)
        return self.answer(form) or self.render(form, status=self.invalid_status)

    def answer(self, form):
        """The answer to a posted form, or None while it has errors to show."""
        # only posts that would be accepted count: a visitor correcting mistakes is never throttled
        if (form.is_spam() or form.is_valid()) and not ratelimit.hit(self.request, self.throttle_scope):
            return ratelimit.too_many_requests(self.request, self.throttle_scope, kind="forms")
        if form.is_spam():
            return self.thank_you(form, None)  # nothing is stored or sent
        if not form.is_valid():
            return None
        return self.thank_you(form, self.accept(form))

    def accept(self, form):
        """Commit the message with its pending e-mails, then hand the e-mails to the worker: once this
        returns, a failure later in the request (or of the mail server) cannot lose the post."""
        with transaction.atomic():
            message = self.store(form)
            emails = self.queue_mails(form, message)
        send_after_commit(emails)
        return message

    def render(self, form, status):
        return TemplateResponse(self.request, self.template, self.get_context(form), status=status)
