"""The "Scrivici" page and its fields now live in the `contact` app, on the same tables: outbox's
state forgets them, the database keeps every row (contact 0001 and 0002)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('outbox', '0002_message_id_and_uncertain_status'),
        ('contact', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='ContactFormField'),
                migrations.DeleteModel(name='ContactFormPage'),
            ]
        ),
    ]
