from django.core.management.base import BaseCommand

from editorial.digest import send_editorial_digest


class Command(BaseCommand):
    help = (
        "Invia ai Moderatori il riepilogo settimanale di ciò che c'è da sistemare (progetti UE con dati "
        "mancanti, corsi con moduli che non tornano, immagini senza descrizione, pagine non riviste da un "
        "anno). Al massimo una volta a settimana: rilanciarlo nella stessa settimana non invia nulla."
    )

    def handle(self, *args, **options):
        _email, outcome = send_editorial_digest()
        self.stdout.write(f"Riepilogo della redazione: {outcome}.")
