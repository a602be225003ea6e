"""Moderatori add and change the newsletter's topics (territories, for instance) in the admin;
deleting one stays with superusers. Idempotent."""

from django.db import migrations

PERMS = ["add_topic", "change_topic"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    perms = Permission.objects.filter(content_type__app_label="subscriptions", codename__in=PERMS)
    for group in Group.objects.filter(name="Moderatori"):
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [("subscriptions", "0002_topics_and_moderators")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
