from django.core.management.base import BaseCommand

from courses.enquiries import OutboundEmail
from courses.outbox import deliver_many, pending_ids


class Command(BaseCommand):
    help = (
        "Invia le e-mail di richieste e contatti ancora in coda (per esempio dopo un guasto del server "
        "di posta). Ogni e-mail parte una sola volta; eseguilo da cron, ad esempio ogni 5 minuti."
    )

    def handle(self, *args, **options):
        ids = pending_ids()
        sent = deliver_many(ids)
        left = OutboundEmail.objects.exclude(status=OutboundEmail.Status.SENT).count()
        self.stdout.write(f"E-mail inviate: {sent} su {len(ids)} in coda; ancora da inviare: {left}.")
        if ids and sent < len(ids):
            self.stderr.write("Alcune e-mail non sono partite: restano in coda per il prossimo tentativo.")
