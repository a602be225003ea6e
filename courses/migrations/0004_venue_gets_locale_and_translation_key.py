"""Venues become translatable (1 of 3): their locale and translation key, empty for now so existing
rows can take them."""

from django.db import migrations
from wagtail.models import BootstrapLocaleField, BootstrapTranslationKeyField


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0003_enrolled_enquiries_take_seats"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [BootstrapLocaleField("courses.Venue"), BootstrapTranslationKeyField("courses.Venue")]
