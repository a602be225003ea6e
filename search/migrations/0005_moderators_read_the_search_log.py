"""Moderatori read the search log report (Rapporti → Ricerche del sito); nobody else does by default."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("search")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderators = Group.objects.filter(name="Moderatori").first()
    if moderators is not None:
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label="search", codename="view_searchqueryday")
        )


class Migration(migrations.Migration):
    dependencies = [("search", "0004_approved_search")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
