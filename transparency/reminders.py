"""The yearly deadline: by 30 June the register must show what was received the year before. In May
and June editors are reminded while that year has no receipt or the register page is not live."""

from dataclasses import dataclass

from django.utils import timezone

from .models import ContributionsRegisterPage, PublicContribution

REMINDER_MONTHS = (5, 6)


@dataclass
class MissingPublication:
    year: int
    page: ContributionsRegisterPage | None  # the register page, live or not; None when there is none
    receipts_missing: bool

    @property
    def page_missing(self):
        return self.page is None or not self.page.live


def missing_publication(today=None):
    """What last year's publication still lacks in May and June, or None (nothing missing, or
    another month)."""
    today = today or timezone.localdate()
    if today.month not in REMINDER_MONTHS:
        return None
    year = today.year - 1
    page = ContributionsRegisterPage.objects.order_by("-live", "pk").first()
    receipts_missing = not PublicContribution.objects.filter(year=year, live=True).exists()
    missing = MissingPublication(year, page, receipts_missing)
    return missing if missing.page_missing or receipts_missing else None
