"""The site's two content languages (docs/translations.md): Italian, the default, which every page
made so far belongs to, and English. Wagtail made a locale for LANGUAGE_CODE when it was installed;
this makes sure of both and keeps every existing page Italian. Idempotent."""

from django.db import migrations


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    italian, _ = Locale.objects.get_or_create(language_code="it")
    Locale.objects.get_or_create(language_code="en")
    # Only Italian pages exist before this migration (the site had no other language).
    Page.objects.exclude(locale=italian).update(locale=italian)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_hero_image_text"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
