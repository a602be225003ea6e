"""Who reads and answers accessibility reports (README, "Who does what"): Segreteria corsi, which
answers the other messages from the public, and Moderatori, who can fix the pages. Both see the list
and set the status and the reply date; nobody adds or deletes reports. Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMS = ["view_accessibilityfeedback", "change_accessibilityfeedback"]
GROUPS = ["Segreteria corsi", "Moderatori"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("accessibility")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    perms = Permission.objects.filter(content_type__app_label="accessibility", codename__in=PERMS)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("accessibility", "0001_initial"),
        ("core", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
