"""The accessibility statement and, under it, the feedback form page (accessibility.yaml). A plain
content page that an older demo made at the statement's address gives way to the structured one."""

import datetime

from accessibility.models import AccessibilityFeedbackPage, AccessibilityStatementPage
from demo.helpers import child_page, ensure_page, home_page, read
from standardpages.models import ContentPage


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("accessibility")
    fields = {**data["statement"]}
    for name in ("first_published_on", "reviewed_on"):
        fields[name] = datetime.date.fromisoformat(str(fields[name]))
    old_statement = child_page(home, ContentPage, fields["slug"])
    if old_statement is not None:
        old_statement.delete()
    statement, created = ensure_page(home, AccessibilityStatementPage, fields)
    _, form_created = ensure_page(statement, AccessibilityFeedbackPage, data["page"])
    return int(created) + int(form_created)
