from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import OutboundEmail
from .outbox_admin import outbox_permission_policy, outbox_viewset

register_permission_policy(OutboundEmail, outbox_permission_policy, exact_class=True)


@hooks.register("register_admin_viewset")
def register_outbox_viewset():
    return outbox_viewset
