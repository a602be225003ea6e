"""Funds, themes and territories become translatable (2 of 3): every existing row is Italian, with a
translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("projects", "0007_snippets_get_locale_and_translation_key")]

    operations = [
        BootstrapTranslatableModel("projects.Fund"),
        BootstrapTranslatableModel("projects.Theme"),
        BootstrapTranslatableModel("projects.Territory"),
    ]
