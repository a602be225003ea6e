from wagtail import hooks

from .admin_views import feedback_viewset
from .dashboard import StatementReviewPanel


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset


@hooks.register("construct_homepage_panels")
def add_statement_review_reminder(request, panels):
    panels.append(StatementReviewPanel(request))
