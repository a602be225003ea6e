from django.core.management.base import BaseCommand

from outbox.delivery import deliver_many, pending_ids, waiting_count


class Command(BaseCommand):
    help = (
        "Invia le e-mail ancora in coda (richieste e messaggi dei visitatori), per esempio "
        "dopo un guasto del server di posta. Ogni e-mail parte una sola volta; eseguilo da cron, ad "
        "esempio ogni 5 minuti."
    )

    def handle(self, *args, **options):
        ids = pending_ids()
        sent = deliver_many(ids)
        self.stdout.write(f"E-mail inviate: {sent} su {len(ids)} in coda; ancora da inviare: {waiting_count()}.")
        if ids and sent < len(ids):
            self.stderr.write("Alcune e-mail non sono partite: restano in coda per il prossimo tentativo.")
