"""One shape for every retention command: keep N days (a setting, or --days), count with --dry-run."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class RetentionCommand(BaseCommand):
    """Subclasses name the setting with the default number of days, what the rows are called in the
    messages, and `old_rows(age)`: the queryset of rows older than that `timedelta`."""

    retention_setting = ""
    rows_label = ""

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"Giorni di conservazione (predefinito: {self.retention_setting}).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Conta soltanto, senza cancellare.")

    def old_rows(self, age):
        raise NotImplementedError

    def handle(self, *args, days=None, dry_run=False, **options):
        days = getattr(settings, self.retention_setting) if days is None else days
        if days < 1:
            raise CommandError("Il periodo di conservazione deve essere di almeno un giorno.")
        old = self.old_rows(datetime.timedelta(days=days))
        if dry_run:
            self.stdout.write(f"{old.count()} {self.rows_label} più vecchie di {days} giorni (nessuna cancellata).")
            return
        _, per_model = old.delete()
        deleted = per_model.get(old.model._meta.label, 0)  # not the related rows deleted with them
        self.stdout.write(f"{deleted} {self.rows_label} più vecchie di {days} giorni cancellate.")
