"""The weekly alerts' kinds: which topic, which switch, what they say and which pages are new."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from courses.models import CoursePage
from news.kinds import Kind
from news.models import NewsArticlePage


@dataclass(frozen=True)
class Alert:
    topic: str
    setting: str
    subject: object
    intro: object
    label: object

    def new_pages(self, start, end):
        locale = Locale.get_default()
        if self.topic == "corsi":
            pages = CoursePage.objects.live().public()
        else:
            pages = NewsArticlePage.objects.live().public().filter(kind=Kind.CALL)
        pages = pages.filter(locale=locale, first_published_at__gte=start, first_published_at__lt=end)
        return list(pages.order_by("first_published_at").values_list("pk", flat=True))


ALERTS = {
    "corsi": Alert(
        "corsi", "courses_alert", _("Nuovi corsi"), _("I corsi pubblicati nell'ultima settimana."), _("Corso")
    ),
    "avvisi": Alert(
        "avvisi",
        "calls_alert",
        _("Nuovi avvisi"),
        _("Gli avvisi e i bandi pubblicati nell'ultima settimana."),
        _("Avviso o bando"),
    ),
}
