"""The outbox: e-mails queued with what they are about, sent after commit.

Every e-mail a visitor's post causes is first written to `OutboundEmail` in the same transaction as
what it is about (a course enquiry, a contact message), and only then sent (by a task after commit,
or by `send_pending_mail`). The row is the proof of what still has to go out, so a mail server
outage delays e-mails but never loses them; a row marked as sent is never sent again, and one whose
sending may or may not have gone through is never resent by itself (see delivery.py). The row
knows what it is about only through a generic link, so any app can queue e-mails."""

from email.utils import make_msgid, parseaddr

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone


def new_message_id():
    """A Message-ID fixed when the e-mail is queued: every attempt sends the same one, so a copy that
    still arrives twice is recognisable (and threaded as one) by the recipient's mail client."""
    domain = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


class OutboundEmail(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Da inviare"
        SENDING = "sending", "In invio"
        SENT = "sent", "Inviata"
        UNCERTAIN = "uncertain", "Esito incerto"

    class Kind(models.TextChoices):
        STAFF = "staff", "Notifica allo staff"
        VISITOR = "visitor", "Conferma al visitatore"

    # What the e-mail is about; deleting it deletes its e-mails (a GenericRelation on the owner's
    # model, or a signal for models we do not own: see signals.py).
    about_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="Riguarda (tipo)"
    )
    about_id = models.PositiveBigIntegerField("Riguarda (ID)", null=True, blank=True)
    about = GenericForeignKey("about_type", "about_id")

    kind = models.CharField("Tipo", max_length=10, choices=Kind.choices)
    to = models.TextField("Destinatari", help_text="Indirizzi separati da virgole.")
    reply_to = models.CharField("Rispondi a", max_length=254, blank=True)
    subject = models.CharField("Oggetto", max_length=255)
    body = models.TextField("Testo")
    attachment_name = models.CharField(max_length=100, blank=True)
    attachment_content = models.TextField(blank=True)
    attachment_mimetype = models.CharField(max_length=100, blank=True)

    message_id = models.CharField("Message-ID", max_length=255, default=new_message_id, editable=False)
    status = models.CharField("Stato", max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    created_at = models.DateTimeField("Creata il", default=timezone.now)
    claimed_at = models.DateTimeField("Invio iniziato il", null=True, blank=True)
    sent_at = models.DateTimeField("Inviata il", null=True, blank=True)
    attempts = models.PositiveIntegerField("Tentativi", default=0)
    last_error = models.TextField("Ultimo errore", blank=True)

    class Meta:
        verbose_name = "E-mail in uscita"
        verbose_name_plural = "E-mail in uscita"
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["about_type", "about_id"])]

    def __str__(self):
        return f"{self.subject} → {self.to} ({self.get_status_display()})"

    @property
    def recipients(self):
        return [address.strip() for address in self.to.split(",") if address.strip()]
