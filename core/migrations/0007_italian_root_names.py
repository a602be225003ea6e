"""The page tree's and the collections' roots are called "Root" by Wagtail's first migrations, and the
admin shows that name in every breadcrumb and in the explorer's title: here they get Italian names."""

from django.db import migrations

ROOT_PAGE_TITLE = "Sito"
ROOT_COLLECTION_NAME = "Generale"


def forwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title="Root").update(
        title=ROOT_PAGE_TITLE, draft_title=ROOT_PAGE_TITLE
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name="Root").update(name=ROOT_COLLECTION_NAME)


def backwards(apps, schema_editor):
    apps.get_model("wagtailcore", "Page").objects.filter(depth=1, title=ROOT_PAGE_TITLE).update(
        title="Root", draft_title="Root"
    )
    apps.get_model("wagtailcore", "Collection").objects.filter(depth=1, name=ROOT_COLLECTION_NAME).update(name="Root")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_private_documents"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
