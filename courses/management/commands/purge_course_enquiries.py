from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from courses.enquiries import CourseEnquiry, EnquiryStatus


class Command(BaseCommand):
    help = (
        "Anonimizza (o con --elimina cancella) le richieste sui corsi più vecchie del periodo di "
        "conservazione (COURSES_ENQUIRY_RETENTION_MONTHS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--mesi", type=int, default=None, help="Periodo di conservazione in mesi.")
        parser.add_argument(
            "--elimina", action="store_true", help="Cancella invece di anonimizzare (solo le richieste chiuse)."
        )

    def handle(self, *args, mesi=None, elimina=False, **options):
        months = settings.COURSES_ENQUIRY_RETENTION_MONTHS if mesi is None else mesi
        if months < 1:
            raise CommandError("Il periodo di conservazione deve essere di almeno un mese.")
        cutoff = timezone.now() - relativedelta(months=months)
        old = CourseEnquiry.objects.filter(created_at__lt=cutoff)
        kept_open = 0
        with transaction.atomic():
            if elimina:
                # An enquiry nobody closed may still be waiting for its answer: it stays until closed.
                kept_open = old.exclude(status=EnquiryStatus.CLOSED).count()
                _, per_model = old.filter(status=EnquiryStatus.CLOSED).delete()
                count = per_model.get(CourseEnquiry._meta.label, 0)
                done = "eliminate"
            else:
                enquiries = list(old.filter(anonymised_at__isnull=True))
                for enquiry in enquiries:
                    enquiry.anonymise()
                count = len(enquiries)
                done = "anonimizzate"
        open_note = f" Richieste non chiuse conservate: {kept_open}." if elimina else ""
        self.stdout.write(f"Richieste più vecchie di {months} mesi {done}: {count}.{open_note}")
