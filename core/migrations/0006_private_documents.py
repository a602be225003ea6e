"""Documents out of reach of every public URL (core/storage.py): on disk, each file moves from
MEDIA_ROOT/documents/ to PRIVATE_MEDIA_ROOT/documents/ (same name, so the database is unchanged); in a
bucket whose uploads get an ACL (`AWS_DEFAULT_ACL`), each document object is made private. Idempotent:
a file already moved, or missing, is left as it is. To run it again (e.g. after restoring an old backup
into MEDIA_ROOT): `manage.py migrate core 0005 && manage.py migrate core`."""

import shutil
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import migrations

from core.storage import MediaStorage


def forwards(apps, schema_editor):
    names = apps.get_model("wagtaildocs", "Document").objects.values_list("file", flat=True)
    if isinstance(default_storage, MediaStorage):
        for name in names:
            old, new = Path(settings.MEDIA_ROOT) / name, Path(default_storage.path(name))
            if old.is_file() and not new.exists():
                new.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(old, new)
    elif getattr(default_storage, "default_acl", None):
        for name in names:
            default_storage.bucket.Object(default_storage._normalize_name(name)).Acl().put(ACL="private")


class Migration(migrations.Migration):
    dependencies = [("core", "0005_editors_change_only_their_uploads"), ("wagtaildocs", "0014_alter_document_file_size")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
