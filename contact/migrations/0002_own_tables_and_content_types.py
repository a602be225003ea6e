"""The moved page and its fields get the contact app's table names, and their content types change
app in place (same ids): existing pages, revisions, permissions and form submissions keep pointing
at them."""

from django.db import migrations

MODELS = ["contactformpage", "contactformfield"]


def move_content_types(from_app, to_app):
    def move(apps, schema_editor):
        ContentType = apps.get_model("contenttypes", "ContentType")
        for model in MODELS:
            if not ContentType.objects.filter(app_label=to_app, model=model).exists():
                ContentType.objects.filter(app_label=from_app, model=model).update(app_label=to_app)
        from django.contrib.contenttypes.models import ContentType as CachedContentType

        CachedContentType.objects.clear_cache()

    return move


class Migration(migrations.Migration):

    dependencies = [
        ('contact', '0001_initial'),
        ('outbox', '0003_contact_page_moves_to_contact'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.AlterModelTable(name='contactformpage', table=None),
        migrations.AlterModelTable(name='contactformfield', table=None),
        migrations.RunPython(move_content_types("outbox", "contact"), move_content_types("contact", "outbox")),
    ]
