import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from search.models import SearchQueryDay


class Command(BaseCommand):
    help = "Cancella dal registro delle ricerche i giorni più vecchi del periodo di conservazione."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Giorni di conservazione (predefinito: SEARCH_LOG_RETENTION_DAYS).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Conta soltanto, senza cancellare.")

    def handle(self, *args, days=None, dry_run=False, **options):
        days = settings.SEARCH_LOG_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("Il periodo di conservazione deve essere di almeno un giorno.")
        cutoff = timezone.localdate() - datetime.timedelta(days=days)
        old = SearchQueryDay.objects.filter(day__lt=cutoff)
        if dry_run:
            self.stdout.write(f"{old.count()} righe del registro più vecchie di {days} giorni (nessuna cancellata).")
            return
        deleted, _ = old.delete()
        self.stdout.write(f"{deleted} righe del registro più vecchie di {days} giorni cancellate.")
