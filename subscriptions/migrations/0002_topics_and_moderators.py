"""The four topics of the sign-up form, and who manages the subscribers (README, "Who does what"):
Moderatori see, change, export and import them (with the consent log read-only); Redattori do not,
as the addresses are personal data the compose work does not need. Superusers see everything.
Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

TOPICS = [
    ("corsi", "Corsi", "Courses"),
    ("notizie", "Notizie", "News"),
    ("avvisi", "Avvisi e bandi", "Calls for proposals"),
    ("eventi", "Eventi", "Events"),
]
PERMS = ["view_subscriber", "change_subscriber", "add_subscriber", "view_consentevent", "view_topic"]
GROUPS = ["Moderatori"]


def topics(apps, schema_editor):
    Topic = apps.get_model("subscriptions", "Topic")
    for order, (slug, name, name_en) in enumerate(TOPICS):
        Topic.objects.get_or_create(slug=slug, defaults={"name": name, "name_en": name_en, "sort_order": order})


def forwards(apps, schema_editor):
    app_config = apps.get_app_config("subscriptions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    perms = Permission.objects.filter(content_type__app_label="subscriptions", codename__in=PERMS)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*perms)


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0001_initial"),
        ("core", "0003_editorial_roles"),
    ]

    operations = [
        migrations.RunPython(topics, migrations.RunPython.noop),
        migrations.RunPython(forwards, migrations.RunPython.noop),
    ]
