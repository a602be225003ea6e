from django.conf import settings
from django.core.management.base import BaseCommand

from outbox.delivery import deliver_many, mark_abandoned_as_uncertain, pending_ids, waiting_count


class Command(BaseCommand):
    help = (
        "Invia le e-mail ancora in coda (richieste e messaggi dei visitatori), per esempio "
        "dopo un guasto del server di posta. Ogni e-mail parte una sola volta: quelle con esito incerto "
        "(il server non ha risposto) restano allo staff. Si ferma dopo OUTBOX_SEND_BUDGET_SECONDS; "
        "eseguilo da cron, ad esempio ogni 5 minuti (`run_scheduler` lo fa da sé)."
    )

    def handle(self, *args, **options):
        abandoned = mark_abandoned_as_uncertain()
        ids = pending_ids()
        sent = deliver_many(ids, budget=settings.OUTBOX_SEND_BUDGET_SECONDS)
        self.stdout.write(f"E-mail inviate: {sent} su {len(ids)} in coda; ancora da inviare: {waiting_count()}.")
        if ids and sent < len(ids):
            self.stderr.write("Alcune e-mail non sono partite: restano in coda per il prossimo tentativo.")
        if abandoned:
            self.stderr.write(
                f"E-mail con esito incerto (invio interrotto): {abandoned}. Verificale nell'admin, "
                "E-mail in uscita, prima di inviarle di nuovo."
            )
