"""Who does what in the office (the README's table): Redattori add and change the catalogues' reference
data, Moderatori may also delete it, and "Segreteria corsi" answers course enquiries and is the only
group that reads the messages sent with the "Scrivici" form (core/wagtail_hooks.py). Idempotent."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REFERENCE_DATA = [
    ("projects", "organisation"),
    ("projects", "fund"),
    ("projects", "fundingprogramme"),
    ("projects", "theme"),
    ("projects", "territory"),
    ("courses", "venue"),
]
EDITOR_PERMS = [(app, f"{action}_{model}") for app, model in REFERENCE_DATA for action in ("add", "change")]
MODERATOR_PERMS = EDITOR_PERMS + [(app, f"delete_{model}") for app, model in REFERENCE_DATA]
ENQUIRY_DESK_PERMS = [
    ("wagtailadmin", "access_admin"),
    ("courses", "view_courseenquiry"),
    ("courses", "change_courseenquiry"),
    ("wagtailforms", "view_formsubmission"),
]
ENQUIRY_DESK = "Segreteria corsi"


def forwards(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")

    def perms(pairs):
        return [Permission.objects.get(content_type__app_label=app, codename=codename) for app, codename in pairs]

    Group.objects.get(name="Redattori").permissions.add(*perms(EDITOR_PERMS))
    Group.objects.get(name="Moderatori").permissions.add(*perms(MODERATOR_PERMS))
    desk, _ = Group.objects.get_or_create(name=ENQUIRY_DESK)
    desk.permissions.add(*perms(ENQUIRY_DESK_PERMS))


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0002_editorial_groups"),
        ("projects", "__first__"),
        ("courses", "__first__"),
        ("wagtailforms", "0005_alter_formsubmission_form_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
