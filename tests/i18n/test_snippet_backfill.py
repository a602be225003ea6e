"""Funds, themes, territories and venues became translatable: a database migrated by the older code
keeps every row, each now Italian with a translation key of its own, and the pages still use them."""

import uuid

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Locale

from courses.models import Venue
from projects.models import Fund, Territory, Theme

BEFORE = [("projects", "0006_organisation_revisions"), ("courses", "0003_enrolled_enquiries_take_seats")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()


def latest():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True)
def test_existing_snippets_become_italian_each_with_its_own_translation_key(home_page):
    try:
        migrate(BEFORE)
        with connection.cursor() as cursor:  # rows as the older code wrote them, without locale or key
            cursor.execute(
                "INSERT INTO projects_fund (name, acronym, level, url, description, colour, eu_statement) "
                "VALUES ('Fondo europeo per l''integrazione', 'FEI', 'ue', '', 'Il fondo.', 'blu', 'cofinanziato')"
            )
            for slug, name in [("inclusione", "Inclusione sociale"), ("lavoro", "Lavoro")]:
                cursor.execute("INSERT INTO projects_theme (name, slug) VALUES (%s, %s)", [name, slug])
            cursor.execute("INSERT INTO projects_territory (name, level, code) VALUES ('Lazio', 'regione', 'ITI4')")
            cursor.execute(
                "INSERT INTO courses_venue (name, address, postal_code, city, province, accessibility_notes) "
                "VALUES ('Sala Nazionale', 'Via Nazionale 89', '00184', 'Roma', 'RM', 'Ingresso senza gradini.')"
            )
    finally:
        migrate(latest())

    italian = Locale.objects.get(language_code="it")
    rows = [*Fund.objects.all(), *Theme.objects.all(), *Territory.objects.all(), *Venue.objects.all()]
    assert len(rows) == 5
    assert {row.locale_id for row in rows} == {italian.pk}
    keys = [row.translation_key for row in rows]
    assert all(isinstance(key, uuid.UUID) for key in keys) and len(set(keys)) == 5
    theme = Theme.objects.get(slug="inclusione")
    english = Locale.objects.get_or_create(language_code="en")[0]
    translation = theme.copy_for_translation(english)
    translation.name = "Social inclusion"
    translation.save()  # the same slug in another language: unique per language only
    assert Theme.objects.filter(slug="inclusione").count() == 2
