"""Venues become translatable (2 of 3): every existing row is Italian, with a translation key of its own."""

from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("courses", "0004_venue_gets_locale_and_translation_key")]

    operations = [BootstrapTranslatableModel("courses.Venue")]
