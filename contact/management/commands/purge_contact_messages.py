"""The "Scrivici" messages are kept as long as course enquiries (COURSES_ENQUIRY_RETENTION_MONTHS),
then deleted with their e-mails; the scheduler runs this daily."""

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from contact.models import ContactFormPage


class Command(BaseCommand):
    help = "Cancella i messaggi del modulo contatti più vecchi del periodo di conservazione (COURSES_ENQUIRY_RETENTION_MONTHS)."

    def add_arguments(self, parser):
        parser.add_argument("--mesi", type=int, default=None, help="Periodo di conservazione in mesi.")

    def handle(self, *args, mesi=None, **options):
        months = settings.COURSES_ENQUIRY_RETENTION_MONTHS if mesi is None else mesi
        if months < 1:
            raise CommandError("Il periodo di conservazione deve essere di almeno un mese.")
        with transaction.atomic():
            messages = ContactFormPage.delete_messages_before(timezone.now() - relativedelta(months=months))
        self.stdout.write(f"Messaggi del modulo contatti più vecchi di {months} mesi eliminati: {messages}.")
