"""Event registrations are read (and their status changed) by "Segreteria corsi", the group that
answers course enquiries (core/migrations/0003_editorial_roles.py). Redattori and Moderatori need
nothing here: their page permissions on the site's tree cover the new page types. Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DESK = "Segreteria corsi"
DESK_PERMS = ["view_eventregistration", "change_eventregistration"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("events")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    desk, _ = Group.objects.get_or_create(name=DESK)
    desk.permissions.add(*Permission.objects.filter(content_type__app_label="events", codename__in=DESK_PERMS))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("core", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
