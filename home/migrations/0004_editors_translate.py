"""Redattori and Moderatori translate pages with wagtail-localize ("Traduci questa pagina", the
translation editor, "Sincronizza le pagine tradotte"): its one model permission, `submit_translation`.
What they may do with the English pages follows from their page permissions, which core's 0002 gives
on the tree's root, above both home pages (Redattori write and submit, Moderatori publish), and the
moderation workflow on the root covers English pages too. Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TRANSLATORS = ["Redattori", "Moderatori"]


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("wagtail_localize")
    app_config.models_module = True  # as core's 0002: a migration state's app has no models module
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.filter(
        content_type__app_label="wagtail_localize", codename="submit_translation"
    ).first()
    if permission is None:
        return
    for group in Group.objects.filter(name__in=TRANSLATORS):
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_italian_and_english_locales"),
        ("core", "0005_editors_change_only_their_uploads"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
