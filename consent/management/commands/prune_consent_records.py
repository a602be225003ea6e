import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from consent.models import ConsentRecord


class Command(BaseCommand):
    help = "Cancella le registrazioni del consenso più vecchie del periodo di conservazione."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Giorni di conservazione (predefinito: CONSENT_RECORD_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Conta soltanto, senza cancellare.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.CONSENT_RECORD_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("Il periodo di conservazione deve essere di almeno un giorno.")
        cutoff = timezone.now() - datetime.timedelta(days=days)
        old = ConsentRecord.objects.filter(created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} registrazioni più vecchie di {days} giorni (nessuna cancellata).")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"{deleted} registrazioni più vecchie di {days} giorni cancellate.")
