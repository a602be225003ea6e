"""Who keeps the register of public contributions (README, "Who does what"): Redattori add and change
receipts, Moderatori may also delete them, as with the catalogues' reference data. Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR_PERMS = ["add_publiccontribution", "change_publiccontribution"]
MODERATOR_PERMS = EDITOR_PERMS + ["delete_publiccontribution"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("transparency")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    for group_name, codenames in (("Redattori", EDITOR_PERMS), ("Moderatori", MODERATOR_PERMS)):
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label="transparency", codename__in=codenames)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
        ("core", "0003_editorial_roles"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
