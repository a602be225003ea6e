from django.utils import timezone

from core.retention import RetentionCommand
from search.models import SearchQueryDay


class Command(RetentionCommand):
    help = "Cancella dal registro delle ricerche i giorni più vecchi del periodo di conservazione."
    retention_setting = "SEARCH_LOG_RETENTION_DAYS"
    rows_label = "righe del registro"

    def old_rows(self, age):
        return SearchQueryDay.objects.filter(day__lt=timezone.localdate() - age)
