"""The automatic weekly alerts: "Nuovi corsi" to the subscribers of the topic corsi, "Nuovi avvisi"
to those of avvisi, listing what was first published in the week just ended (Monday to Sunday,
Rome time). Nothing new, nothing sent; editors switch each off in Impostazioni → Newsletter. They go
through the same mailings and deliveries as the issues, once per week (`alert_key`)."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from wagtail.models import Site

from .alert_kinds import ALERTS
from .models import Mailing, NewsletterSettings
from .tasks import start_and_send


def last_week(now):
    """The week (Monday to Sunday, Rome time) that ended before `now`: (start, end, ISO label)."""
    today = timezone.localtime(now).date()
    monday = today - datetime.timedelta(days=today.weekday() + 7)
    start = timezone.make_aware(datetime.datetime.combine(monday, datetime.time()))
    end = timezone.make_aware(datetime.datetime.combine(monday + datetime.timedelta(days=7), datetime.time()))
    year, week, _day = monday.isocalendar()
    return start, end, f"{year}-W{week:02d}"


def queue_weekly_alerts(now=None):
    """Start this week's alerts that are switched on and have something new; lines saying what."""
    now = now or timezone.now()
    start, end, week = last_week(now)
    site = Site.objects.filter(is_default_site=True).first()
    switches = NewsletterSettings.for_site(site) if site else None
    report = []
    for alert in ALERTS.values():
        key = f"{alert.topic}-{week}"
        if switches is not None and not getattr(switches, alert.setting):
            report.append(f"{alert.subject}: disattivato nelle impostazioni.")
        elif Mailing.objects.filter(alert_key=key).exists():
            report.append(f"{alert.subject}: già inviato per la settimana {week}.")
        elif not (pages := alert.new_pages(start, end)):
            report.append(f"{alert.subject}: niente di nuovo nella settimana {week}.")
        else:
            try:
                with transaction.atomic():
                    mailing = Mailing.objects.create(
                        kind=Mailing.Kind.ALERT,
                        alert_key=key,
                        alert_pages=pages,
                        subject=str(alert.subject),
                        topic_slugs=[alert.topic],
                        send_at=now,
                    )
                    start_and_send(mailing.pk, now=now)
            except IntegrityError:  # another run made it meanwhile
                continue
            report.append(f"{alert.subject}: {len(pages)} pagine, invio avviato.")
    return report
