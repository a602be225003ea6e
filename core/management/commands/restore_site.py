from datetime import datetime

from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, restore
from core.dates import italian_datetime


class Command(BaseCommand):
    help = (
        "Ripristina un archivio di backup_site in un database e in una cartella dei media vuoti "
        "(con --sovrascrivi anche se non lo sono). Fermare prima il sito. Vedi docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("archivio", help="Il file .tar.gz creato da backup_site.")
        parser.add_argument(
            "--database",
            default=None,
            help="File SQLite o nome del database PostgreSQL (predefinito: quello configurato; creato se manca).",
        )
        parser.add_argument("--media", default=None, help="Cartella delle immagini (predefinita: MEDIA_ROOT).")
        parser.add_argument(
            "--media-privati", default=None, help="Cartella dei documenti (predefinita: PRIVATE_MEDIA_ROOT)."
        )
        parser.add_argument("--sovrascrivi", action="store_true", help="Sostituisce database e media esistenti.")

    def handle(self, *args, archivio, database=None, media=None, media_privati=None, sovrascrivi=False, **options):
        try:
            manifest = restore(
                archivio, database=database, media_root=media, private_media_root=media_privati, overwrite=sovrascrivi
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        media_note = "con i media" if manifest["media"] else "senza media (non erano nell'archivio)"
        created = italian_datetime(datetime.fromisoformat(manifest["created"]))
        self.stdout.write(f"Ripristinato il backup del {created}, {media_note}.")
