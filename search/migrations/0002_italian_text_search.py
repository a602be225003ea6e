"""PostgreSQL only: the `asap_italian` text search configuration (Italian stemming, accents ignored
through the `unaccent` extension). Without the privilege to create the extension, the configuration
is a plain copy of `italian` (stemming still works; accented and plain spellings then differ)."""

from django.db import DatabaseError, migrations, transaction

CONFIG = "asap_italian"


def create_configuration(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone():
            return
        try:
            with transaction.atomic(using=connection.alias):
                cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            has_unaccent = True
        except DatabaseError:
            has_unaccent = False
        cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = pg_catalog.italian)")
        if has_unaccent:
            cursor.execute(
                f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} "
                "ALTER MAPPING FOR hword, hword_part, word WITH unaccent, italian_stem"
            )


def drop_configuration(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        with schema_editor.connection.cursor() as cursor:
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(create_configuration, drop_configuration, elidable=False)]
