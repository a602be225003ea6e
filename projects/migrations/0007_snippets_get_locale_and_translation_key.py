"""Funds, themes and territories become translatable (1 of 3): their locale and translation key,
empty for now so existing rows can take them."""

from django.db import migrations
from wagtail.models import BootstrapLocaleField, BootstrapTranslationKeyField


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0006_organisation_revisions"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [
        BootstrapLocaleField("projects.Fund"),
        BootstrapTranslationKeyField("projects.Fund"),
        BootstrapLocaleField("projects.Theme"),
        BootstrapTranslationKeyField("projects.Theme"),
        BootstrapLocaleField("projects.Territory"),
        BootstrapTranslationKeyField("projects.Territory"),
    ]
