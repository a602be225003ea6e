"""The scheduler's newsletter lane: due mailings start, stalled ones resume (see scheduling.py)."""

from django.core.management.base import BaseCommand

from newsletter.scheduling import run_due


class Command(BaseCommand):
    help = "Avvia gli invii della newsletter programmati e riprende quelli interrotti."

    def handle(self, *args, **options):
        started, resumed = run_due()
        self.stdout.write(f"Invii avviati: {started}; ripresi: {resumed}.")
