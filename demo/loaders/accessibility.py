"""The accessibility feedback form (accessibility.yaml), under the accessibility statement, which
gets a paragraph linking to it when the form page is created."""

from wagtail.rich_text import RichText

from accessibility.models import AccessibilityFeedbackPage
from demo.helpers import child_page, ensure_page, home_page, read
from standardpages.models import ContentPage


def seed():
    home = home_page()
    if home is None:
        return 0
    data = read("accessibility")
    statement = child_page(home, ContentPage, data["parent"])
    if statement is None:
        return 0
    page, created = ensure_page(statement, AccessibilityFeedbackPage, data["page"])
    if created:
        statement = ContentPage.objects.get(pk=statement.pk)
        statement.body.append(("paragraph", RichText(data["link_text"].format(id=page.pk))))
        statement.save_revision().publish()
    return int(created)
