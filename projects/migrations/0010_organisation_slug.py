"""Organisations get a readable address (`/progetti/ente/regione-lazio/`): the field, and a slug for
every organisation there is, made from its name once (renaming it later keeps it)."""

from django.db import migrations, models

from projects.models.snippets import organisation_slug


def backfill(apps, schema_editor):
    Organisation = apps.get_model("projects", "Organisation")
    taken = set()
    for organisation in Organisation.objects.order_by("pk"):
        organisation.slug = organisation_slug(organisation.name, taken)
        taken.add(organisation.slug)
        organisation.save(update_fields=["slug"])


class Migration(migrations.Migration):
    dependencies = [("projects", "0009_translatable_snippets_locale_required")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="slug",
            field=models.SlugField(blank=True, default="", max_length=100, verbose_name="Indirizzo"),
            preserve_default=False,
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
