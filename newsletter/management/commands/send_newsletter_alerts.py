"""The weekly alerts "Nuovi corsi" and "Nuovi avvisi" (see alerts.py); run daily, each goes once a week."""

from django.core.management.base import BaseCommand

from newsletter.alerts import queue_weekly_alerts


class Command(BaseCommand):
    help = "Prepara gli avvisi settimanali «Nuovi corsi» e «Nuovi avvisi» della settimana appena conclusa."

    def handle(self, *args, **options):
        for line in queue_weekly_alerts():
            self.stdout.write(line)
