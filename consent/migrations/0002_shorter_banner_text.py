"""A shorter default banner text, so the first layer leaves most of a phone screen free; sites still
showing the old default get the new one (a text an editor wrote is kept)."""

from django.db import migrations, models

OLD_TEXT = (
    "Usiamo cookie tecnici, necessari al funzionamento del sito. Con il tuo consenso usiamo anche statistiche "
    "anonime e contenuti di terze parti (video e mappe). Puoi accettare, rifiutare o scegliere per categoria; "
    "chiudendo il banner rifiuti i cookie non necessari."
)
NEW_TEXT = (
    "Usiamo cookie tecnici necessari e, solo con il tuo consenso, statistiche anonime e contenuti di terze "
    "parti (video e mappe). Chiudendo il banner rifiuti i cookie non necessari."
)


def shorten(apps, schema_editor):
    apps.get_model("consent", "CookieBannerSettings").objects.filter(text=OLD_TEXT).update(text=NEW_TEXT)


def restore(apps, schema_editor):
    apps.get_model("consent", "CookieBannerSettings").objects.filter(text=NEW_TEXT).update(text=OLD_TEXT)


class Migration(migrations.Migration):
    dependencies = [
        ("consent", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="cookiebannersettings",
            name="text",
            field=models.TextField(
                default=NEW_TEXT,
                help_text="Poche righe: sul telefono il banner deve lasciare libera gran parte dello schermo.",
                verbose_name="Spiegazione",
            ),
        ),
        migrations.RunPython(shorten, restore),
    ]
