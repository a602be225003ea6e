"""Sending a mailing to thousands of subscribers on one machine, exactly once each.

1. `start()` turns a due mailing into delivery rows, one per receiving subscriber (unique per
   mailing and subscriber), created in batches inside one transaction;
2. `send_pending()` walks the pending rows in batches at NEWSLETTER_RATE_PER_SECOND; each row is
   claimed with a conditional UPDATE (pending → sending, committed) before its e-mail goes out, and
   marked sent, refused or uncertain afterwards, with outbox/delivery.py's rule: a refused e-mail
   (4xx) goes back to pending, a permanent refusal of the address (5xx) marks the subscriber
   undeliverable, and an e-mail whose answer never came is "esito incerto", never resent by itself.
   A row still "in invio" after OUTBOX_STALE_MINUTES (the worker died) becomes uncertain too;
3. the body is rendered once per mailing and language; only the personal links differ."""

import logging
import smtplib
import time
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, F, Q
from django.utils import timezone

from outbox.delivery import REFUSED, close_quietly, error_text
from subscriptions.links import list_unsubscribe_headers, preferences_url, unsubscribe_url
from subscriptions.models import Subscriber

from .content import render_mailing
from .models import Delivery, Mailing
from .models.mailings import stable_message_id

logger = logging.getLogger(__name__)
CREATE_BATCH = 1000


def start(mailing_id, now=None):
    """Create the delivery rows of a scheduled mailing whose time has come; False if not due."""
    now = now or timezone.now()
    with transaction.atomic():
        mailing = Mailing.objects.select_for_update().get(pk=mailing_id)
        if mailing.status != Mailing.Status.SCHEDULED or mailing.send_at > now:
            return False
        audience = Subscriber.objects.receiving(mailing.topic_slugs).order_by("pk").values_list("pk", "language")
        batch = []
        for subscriber_id, language in audience.iterator(chunk_size=CREATE_BATCH):
            batch.append(
                Delivery(
                    mailing=mailing,
                    subscriber_id=subscriber_id,
                    language=language,
                    message_id=stable_message_id(mailing.pk, subscriber_id),
                )
            )
            if len(batch) == CREATE_BATCH:
                Delivery.objects.bulk_create(batch, ignore_conflicts=True)
                batch = []
        Delivery.objects.bulk_create(batch, ignore_conflicts=True)
        mailing.status, mailing.started_at, mailing.progress_at = Mailing.Status.SENDING, now, now
        mailing.save(update_fields=["status", "started_at", "progress_at"])
    return True


def permanent_failure(exc):
    """The reason if the server refused the address itself for good (5xx to RCPT TO), else ''."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in exc.recipients.values()]
        if codes and all(500 <= code < 600 for code in codes):
            return error_text(exc)
    return ""


class Sender:
    """One run over a mailing's pending rows, on one SMTP connection, with the e-mail rendered once
    per language."""

    def __init__(self, mailing, connection=None):
        self.mailing = mailing
        self.connection = connection
        self.rendered = {}

    def message(self, delivery):
        subscriber = delivery.subscriber
        language = delivery.language
        if language not in self.rendered:
            self.rendered[language] = render_mailing(self.mailing, language)
        links = {"preferences": preferences_url(subscriber), "unsubscribe": unsubscribe_url(subscriber)}
        email = self.rendered[language].personalised(links)
        headers = {"Message-ID": delivery.message_id, **list_unsubscribe_headers(subscriber)}
        message = EmailMultiAlternatives(
            subject=email.subject, body=email.text, to=[subscriber.email], headers=headers, connection=self.connection
        )
        message.attach_alternative(email.html, "text/html")
        return message

    def deliver(self, delivery_id):
        """Claim, send and record one row; its status afterwards (None if it was not ours)."""
        Status = Delivery.Status
        if not Delivery.objects.filter(pk=delivery_id, status=Status.PENDING).update(
            status=Status.SENDING, claimed_at=timezone.now()
        ):
            return None
        delivery = Delivery.objects.select_related("subscriber").get(pk=delivery_id)
        subscriber = delivery.subscriber
        if subscriber is None or subscriber.status != Subscriber.Status.ACTIVE:
            status, fields = Status.SKIPPED, {}
        else:
            try:
                self.message(delivery).send()
            except REFUSED as exc:
                reason = permanent_failure(exc)
                if reason:
                    subscriber.mark_undeliverable(reason)
                    status, fields = Status.FAILED, {"error": reason}
                else:
                    logger.warning("Newsletter: recapito %s rifiutato, resta in coda: %s", delivery_id, exc)
                    status, fields = Status.PENDING, {"error": error_text(exc)}
            except Exception as exc:  # no answer: the server may or may not have taken it
                logger.error("Newsletter: recapito %s con esito incerto, non verrà reinviato (%s)", delivery_id, exc)
                status, fields = Status.UNCERTAIN, {"error": "Nessuna risposta dal server: " + error_text(exc)}
            else:
                status, fields = Status.SENT, {"sent_at": timezone.now(), "error": ""}
        Delivery.objects.filter(pk=delivery_id, status=Status.SENDING).update(status=status, **fields)
        return status


def send_pending(mailing_id, budget=None, clock=time.monotonic, sleep=time.sleep):
    """Send the mailing's pending rows; True if the budget ran out with rows left (run again now).
    False otherwise: done, or rows wait (the mail server unreachable, or a refusal to retry): the
    mailing stays "in invio" and the scheduler resumes it later (scheduling.py), not in a loop."""
    mailing = Mailing.objects.select_related("issue").get(pk=mailing_id)
    if mailing.status != Mailing.Status.SENDING:
        return False
    rate = settings.NEWSLETTER_RATE_PER_SECOND
    interval = 1 / rate if rate else 0
    deadline = None if budget is None else clock() + budget
    sender, last_pk, next_slot = Sender(mailing), 0, clock()
    try:
        while True:
            batch = list(
                mailing.deliveries.filter(status=Delivery.Status.PENDING, pk__gt=last_pk)
                .order_by("pk")
                .values_list("pk", flat=True)[: settings.NEWSLETTER_BATCH_SIZE]
            )
            if not batch:
                break
            for delivery_id in batch:
                slot = max(next_slot, clock())  # the rate's next free moment
                if deadline is not None and slot >= deadline:
                    return True
                if sender.connection is None and not sender_connects(sender):
                    return False
                if slot > clock():
                    sleep(slot - clock())
                next_slot = slot + interval
                status = sender.deliver(delivery_id)
                last_pk = delivery_id
                if status == Delivery.Status.UNCERTAIN:  # the connection is in an unknown state
                    close_quietly(sender.connection)
                    sender.connection = None
            Mailing.objects.filter(pk=mailing_id).update(progress_at=timezone.now())
    finally:
        if sender.connection is not None:
            close_quietly(sender.connection)
    finish_if_done(mailing_id)
    return False


def sender_connects(sender):
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
    except Exception as exc:
        logger.warning("Newsletter: server di posta non raggiungibile, l'invio riprende più tardi: %s", exc)
        return False
    sender.connection = connection
    return True


def finish_if_done(mailing_id):
    """Close the mailing when no row is pending or being sent (a refused row still pending waits)."""
    busy = Delivery.objects.filter(
        mailing_id=mailing_id, status__in=[Delivery.Status.PENDING, Delivery.Status.SENDING]
    ).exists()
    if not busy:
        Mailing.objects.filter(pk=mailing_id, status=Mailing.Status.SENDING).update(
            status=Mailing.Status.SENT, finished_at=timezone.now()
        )
    return not busy


def mark_abandoned_as_uncertain(now=None):
    """Rows left "in invio" longer than OUTBOX_STALE_MINUTES: the worker died between sending and
    recording. Whether they went out is unknown; they are never resent by themselves."""
    stale = (now or timezone.now()) - timedelta(minutes=settings.OUTBOX_STALE_MINUTES)
    return Delivery.objects.filter(status=Delivery.Status.SENDING, claimed_at__lt=stale).update(
        status=Delivery.Status.UNCERTAIN,
        error="Invio interrotto prima che l'esito fosse registrato: verificare se è arrivata.",
    )


def report(mailings):
    """Per mailing: sent, failed (refused or uncertain), unsubscribed since it started."""
    Status = Delivery.Status
    return mailings.annotate(
        sent_count=Count("deliveries", filter=Q(deliveries__status=Status.SENT)),
        failed_count=Count("deliveries", filter=Q(deliveries__status__in=[Status.FAILED, Status.UNCERTAIN])),
        pending_count=Count("deliveries", filter=Q(deliveries__status__in=[Status.PENDING, Status.SENDING])),
        unsubscribed_count=Count(
            "deliveries",
            filter=Q(
                deliveries__status=Status.SENT,
                deliveries__subscriber__status=Subscriber.Status.UNSUBSCRIBED,
                deliveries__subscriber__unsubscribed_at__gte=F("started_at"),
            ),
        ),
    )
