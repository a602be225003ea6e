"""A mail backend that refuses some addresses as a mail server would, for the failure tests."""

import smtplib

from django.core.mail.backends.locmem import EmailBackend

REFUSALS = {}  # address -> (code, message)


class RefusingBackend(EmailBackend):
    def send_messages(self, messages):
        for message in messages:
            refused = {address: REFUSALS[address] for address in message.to if address in REFUSALS}
            if refused:
                raise smtplib.SMTPRecipientsRefused(refused)
        return super().send_messages(messages)
