from django.core.management.base import BaseCommand, CommandError

from core.backups import BackupError, backup


class Command(BaseCommand):
    help = (
        "Salva database e file caricati (media) in un archivio asap-AAAAMMGG-HHMMSS.tar.gz "
        "nella cartella BACKUP_DIR (predefinita: var/backups/). Vedi docs/backups.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("--cartella", default=None, help="Cartella dell'archivio (predefinita: BACKUP_DIR).")

    def handle(self, *args, cartella=None, **options):
        try:
            archive = backup(cartella)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backup salvato: {archive}")
