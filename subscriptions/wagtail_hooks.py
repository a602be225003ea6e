"""The newsletter's admin: its subscribers and its topics."""

from wagtail import hooks

from .admin_views import subscriber_viewset
from .topics_admin import topic_viewset


@hooks.register("register_admin_viewset")
def register_subscriber_viewset():
    return subscriber_viewset


@hooks.register("register_admin_viewset")
def register_topic_viewset():
    return topic_viewset
