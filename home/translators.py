"""The Traduttori write English pages only: when a translation makes the English home (the first
page translated into English brings it, wagtail-localize copies the parents it lacks), the group gets
Wagtail's add and change permissions on it, as home's migration 0005 gives them on an existing one."""

from django.contrib.auth.models import Group, Permission
from django.db.models.signals import post_save
from wagtail.models import GroupPagePermission, Locale

GROUP = "Traduttori"
ENGLISH_PAGE_PERMS = ["add_page", "change_page"]


def let_translators_write(page):
    group = Group.objects.filter(name=GROUP).first()
    if group is None:
        return
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=ENGLISH_PAGE_PERMS):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def on_home_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and instance.depth == 2 and instance.locale_id != Locale.get_default().pk:
        let_translators_write(instance)


def connect():
    from .models import HomePage

    post_save.connect(on_home_created, sender=HomePage, dispatch_uid="home.translators")
