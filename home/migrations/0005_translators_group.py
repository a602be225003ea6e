"""The "Traduttori" group, for translators from outside the office: they open the admin, use
wagtail-localize's translation editor (its permission `submit_translation`: translate, "Sincronizza",
PO files, machine translation) and write English pages (add and change under the English home), which
the moderation workflow on the tree's root sends to the Moderatori. Nothing else: no Italian page, no
enquiry, no snippet, no image upload. The English home is made by the first translation, after this
migration: `home.translators` gives the group its pages then. Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Traduttori"
ENGLISH_PAGE_PERMS = ["add_page", "change_page"]


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True  # as core's 0002: a migration state's app has no models module
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    translators, _ = Group.objects.get_or_create(name=GROUP)
    translators.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(content_type__app_label="wagtail_localize", codename="submit_translation"),
    )
    page_perms = Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=ENGLISH_PAGE_PERMS)
    for home in Page.objects.filter(depth=2, locale__language_code="en"):
        for permission in page_perms:
            GroupPagePermission.objects.get_or_create(group=translators, page=home, permission=permission)


class Migration(migrations.Migration):
    dependencies = [("home", "0004_editors_translate")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
