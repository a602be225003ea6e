"""PostgreSQL only: the `pg_trgm` extension, whose trigram similarity picks the words "Forse
cercavi" may offer (search/vocabulary.py). Skipped on SQLite, and where the extension cannot be
created (the corrections then use the Python comparison alone, as on SQLite). The vocabulary has no
table (it is read from the live titles and kept as a shared part), so there is no index to add."""

from django.db import DatabaseError, migrations, transaction


def create_extension(apps, schema_editor):
    connection = schema_editor.connection
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
            cursor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DatabaseError:
        pass


class Migration(migrations.Migration):
    dependencies = [("search", "0006_search_synonyms")]

    operations = [migrations.RunPython(create_extension, migrations.RunPython.noop)]
