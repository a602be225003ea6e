"""The yearly renewal: AgID wants the accessibility statement reviewed every year by 23 September.
From August, editors who can change the statement are reminded while its last review is older than
last year's deadline; after the deadline the reminder stays, as overdue, until the review is done."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from .statement import AccessibilityStatementPage

REMINDER_FROM = (8, 1)  # 1 August
DEADLINE = (9, 23)  # 23 September


@dataclass
class StatementReview:
    deadline: datetime.date
    page: AccessibilityStatementPage | None  # None when the site has no statement page yet
    overdue: bool


def statement_review_due(today=None):
    """What the yearly review still needs, or None (renewed this year, or too early to remind)."""
    today = today or timezone.localdate()
    deadline = datetime.date(today.year, *DEADLINE)
    if today < datetime.date(today.year, *REMINDER_FROM):
        return None
    page = AccessibilityStatementPage.objects.order_by("-live", "pk").first()
    renewed = page is not None and page.live and page.reviewed_on > deadline.replace(year=deadline.year - 1)
    return None if renewed else StatementReview(deadline, page, overdue=today > deadline)
