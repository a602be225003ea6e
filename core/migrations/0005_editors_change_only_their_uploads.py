"""Images and documents as the README's table says: Redattori upload and change their own (Wagtail's
"add" on the root collection), Moderatori change and delete everyone's ("change"), Segreteria corsi
neither. Wagtail's own migrations gave "Editors" (renamed Redattori in 0002) "change" on the root
collection and model permissions to change and delete images and documents: both are taken away.
Idempotent."""

from django.db import migrations

GRANTS = {
    "Redattori": ["add", "choose"],
    "Moderatori": ["add", "change", "choose"],
    "Segreteria corsi": [],
}
MODELS = [("wagtailimages", "image"), ("wagtaildocs", "document")]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    for name, actions in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        for app_label, model in MODELS:
            model_perms = Permission.objects.filter(content_type__app_label=app_label, content_type__model=model)
            granted = [perm for perm in model_perms if perm.codename.split("_")[0] in actions]
            GroupCollectionPermission.objects.filter(group=group, permission__in=model_perms).exclude(
                permission__in=granted
            ).delete()
            if root is not None:
                for perm in granted:
                    GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=perm)
            # Model permissions do not decide collection members in Wagtail; keep none that says otherwise.
            group.permissions.remove(*[perm for perm in model_perms if perm not in granted])


class Migration(migrations.Migration):
    dependencies = [("core", "0004_organisation_brand")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
