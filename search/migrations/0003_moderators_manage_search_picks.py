"""Moderators manage editors' picks (Impostazioni → Risultati di ricerca in evidenza)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PICK_PERMS = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    moderators = Group.objects.filter(name="Moderatori").first()
    if moderators is not None:
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label="wagtailsearchpromotions", codename__in=PICK_PERMS)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0002_italian_text_search"),
        ("core", "0002_editorial_groups"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
