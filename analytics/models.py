"""First-party statistics: page views counted per day, and the settings that choose the provider."""

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone

from core.dates import italian_date

from .site_settings import AnalyticsProvider, AnalyticsSettings

__all__ = ["AnalyticsProvider", "AnalyticsSettings", "DailyPageView"]


class DailyPageView(models.Model):
    """Page views counted by the cookieless beacon, one row per day, page, referrer domain and device
    class. Nothing identifies a visitor."""

    class Device(models.TextChoices):
        MOBILE = "mobile", "Smartphone"
        TABLET = "tablet", "Tablet"
        DESKTOP = "desktop", "Computer"

    day = models.DateField("Giorno", db_index=True)
    page = models.ForeignKey("wagtailcore.Page", verbose_name="Pagina", on_delete=models.CASCADE, related_name="+")
    referrer_domain = models.CharField("Dominio di provenienza", max_length=253, blank=True)
    device_class = models.CharField("Dispositivo", max_length=10, choices=Device.choices)
    views = models.PositiveIntegerField("Visualizzazioni", default=0)

    class Meta:
        verbose_name = "Visualizzazioni del giorno"
        verbose_name_plural = "Statistiche delle visite"
        constraints = [
            models.UniqueConstraint(
                fields=["day", "page", "referrer_domain", "device_class"], name="daily_page_view_unique"
            )
        ]

    def __str__(self):
        return f"{italian_date(self.day)} · {self.page_id} · {self.views}"

    @classmethod
    def count(cls, page, referrer_domain, device_class, day=None):
        """Adds one view; a new combination gets a row only while the day has fewer than
        ANALYTICS_MAX_NEW_ROWS_PER_DAY, so spam beacons cannot grow the table without bound."""
        key = {
            "day": day or timezone.localdate(),
            "page": page,
            "referrer_domain": referrer_domain,
            "device_class": device_class,
        }
        updated = cls.objects.filter(**key).update(views=F("views") + 1)
        if updated or cls.objects.filter(day=key["day"]).count() >= settings.ANALYTICS_MAX_NEW_ROWS_PER_DAY:
            return
        try:
            with transaction.atomic():
                cls.objects.create(views=1, **key)
        except IntegrityError:  # another request created the row in between
            cls.objects.filter(**key).update(views=F("views") + 1)
