from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .admin_views import feedback_permission_policy, feedback_viewset
from .dashboard import StatementReviewPanel
from .feedback import AccessibilityFeedback

register_permission_policy(AccessibilityFeedback, feedback_permission_policy, exact_class=True)


@hooks.register("register_admin_viewset")
def register_feedback_viewset():
    return feedback_viewset


@hooks.register("construct_homepage_panels")
def add_statement_review_reminder(request, panels):
    panels.append(StatementReviewPanel(request))
