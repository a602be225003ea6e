"""One archive with the database and the uploaded media, and its restore (docs/backups.md).

SQLite is copied with its online backup API (what `sqlite3 .backup` uses): a consistent copy while the
site keeps writing. PostgreSQL is dumped with `pg_dump --format=custom` and restored with `pg_restore`.
Media are MEDIA_ROOT (images) and PRIVATE_MEDIA_ROOT (documents); media in an S3 bucket are the bucket's business (versioning), not the archive's.
A restore fills only an empty database and an empty media folder unless told to overwrite them, and it
checks both before touching either."""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import psycopg2
from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.utils import timezone
from psycopg2 import sql

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
PG_DUMP_FILE = "database.pgdump"
MEDIA_DIR = "media"
PRIVATE_MEDIA_DIR = "private_media"


def _media_folders(media_root=None, private_media_root=None):
    """{folder in the archive: folder on disk} of the uploads: public images, private documents."""
    return {
        MEDIA_DIR: Path(media_root or settings.MEDIA_ROOT),
        PRIVATE_MEDIA_DIR: Path(private_media_root or settings.PRIVATE_MEDIA_ROOT),
    }


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message is for the person running it."""


def database_kind(settings_dict=None):
    engine = (settings_dict or connection.settings_dict)["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if "postgresql" in engine:
        return "postgresql"
    raise BackupError(f"Database non supportato per il backup: {engine}.")


def media_is_local():
    return isinstance(default_storage, FileSystemStorage)


def _pg_environment(settings_dict):
    """libpq's variables for pg_dump and pg_restore: the password never shows in a process list."""
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def _run(command, settings_dict):
    result = subprocess.run(command, env=_pg_environment(settings_dict), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} non riuscito: {result.stderr.strip()}")


def _dump_database(folder):
    kind = database_kind()
    if kind == "sqlite":
        target = folder / SQLITE_FILE
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()
        return target
    target = folder / PG_DUMP_FILE
    settings_dict = connection.settings_dict
    _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}", settings_dict["NAME"]], settings_dict)
    return target


def backup(destination=None):
    """Write `asap-<Rome date and time>.tar.gz` into `destination` (BACKUP_DIR); return its path."""
    destination = Path(destination or settings.BACKUP_DIR)
    destination.mkdir(parents=True, exist_ok=True)
    now = timezone.localtime()
    archive = destination / f"asap-{now:%Y%m%d-%H%M%S}.tar.gz"
    partial = archive.with_name(archive.name + ".partial")  # never taken for a whole backup
    folders = {name: root for name, root in _media_folders().items() if root.is_dir()}
    with_media = media_is_local() and bool(folders)
    with tempfile.TemporaryDirectory() as scratch:
        dump = _dump_database(Path(scratch))
        manifest = {"created": now.isoformat(), "database": database_kind(), "file": dump.name, "media": with_media}
        (Path(scratch) / MANIFEST).write_text(json.dumps(manifest, indent=2))
        with tarfile.open(partial, "w:gz") as tar:
            tar.add(Path(scratch) / MANIFEST, arcname=MANIFEST)
            tar.add(dump, arcname=dump.name)
            if with_media:
                for name, root in folders.items():
                    tar.add(root, arcname=name)
    partial.chmod(0o600)  # personal data: enquiries, consent records, reports
    partial.rename(archive)
    return archive


# --- restore -----------------------------------------------------------------------------------------


def _sqlite_has_tables(path):
    if not path.exists() or path.stat().st_size == 0:
        return False
    with sqlite3.connect(path) as db:
        tables = db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    db.close()
    return tables > 0


def _pg_connect(settings_dict, name):
    return psycopg2.connect(
        dbname=name,
        host=settings_dict.get("HOST") or None,
        port=settings_dict.get("PORT") or None,
        user=settings_dict.get("USER") or None,
        password=settings_dict.get("PASSWORD") or None,
    )


def _pg_state(settings_dict, name):
    """None when the database does not exist, else whether it has tables."""
    try:
        db = _pg_connect(settings_dict, name)
    except psycopg2.OperationalError as error:
        if "does not exist" in str(error):
            return None
        raise BackupError(f"Il server PostgreSQL non risponde: {error}") from error
    with db, db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
        tables = cursor.fetchone()[0]
    db.close()
    return tables > 0


def _pg_create(settings_dict, name):
    db = _pg_connect(settings_dict, "postgres")
    db.autocommit = True
    with db.cursor() as cursor:
        cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    db.close()


def _read_manifest(tar):
    try:
        return json.load(tar.extractfile(MANIFEST))
    except (KeyError, ValueError) as error:
        raise BackupError("L'archivio non è un backup del sito (manca manifest.json).") from error


def _in_use(folder):
    return folder.is_dir() and any(folder.iterdir())


def _refusal(database, database_in_use, media_root, media_in_use):
    if database_in_use and media_in_use:
        what = f"il database {database} e la cartella {media_root} non sono vuoti"
    elif database_in_use:
        what = f"il database {database} non è vuoto"
    else:
        what = f"la cartella {media_root} non è vuota"
    return f"Ripristino annullato: {what}. Per sovrascrivere usa --sovrascrivi."


def restore(archive, *, database=None, media_root=None, private_media_root=None, overwrite=False):
    """Restore `archive` into `database` (a SQLite path or a PostgreSQL name; default: the configured
    database, created on PostgreSQL if missing), `media_root` (default MEDIA_ROOT) and
    `private_media_root` (default PRIVATE_MEDIA_ROOT)."""
    settings_dict = connection.settings_dict
    kind = database_kind(settings_dict)
    database = str(database or settings_dict["NAME"])
    folders = _media_folders(media_root, private_media_root)
    media_root = folders[MEDIA_DIR]
    try:
        tar = tarfile.open(archive, "r:gz")  # noqa: SIM115 (closed by the `with` below)
    except (OSError, tarfile.TarError) as error:
        raise BackupError(f"Impossibile leggere l'archivio {archive}: {error}") from error
    with tar, tempfile.TemporaryDirectory() as scratch:
        manifest = _read_manifest(tar)
        if manifest["database"] != kind:
            raise BackupError(f"L'archivio contiene un database {manifest['database']}, il sito usa {kind}.")
        # every check first: a refusal leaves database and media as they were
        pg_state = _pg_state(settings_dict, database) if kind == "postgresql" else None
        database_in_use = _sqlite_has_tables(Path(database)) if kind == "sqlite" else bool(pg_state)
        in_use = [root for root in folders.values() if _in_use(root)]
        media_in_use = manifest["media"] and bool(in_use)
        if media_in_use:
            media_root = in_use[0]
        if not overwrite and (database_in_use or media_in_use):
            raise BackupError(_refusal(database, database_in_use, media_root, media_in_use))
        tar.extractall(scratch, filter="data")
        dump = Path(scratch) / manifest["file"]
        if kind == "sqlite":
            with sqlite3.connect(dump) as source, sqlite3.connect(database) as target:
                source.backup(target)
            source.close()
            target.close()
        else:
            if pg_state is None:
                _pg_create(settings_dict, database)
            options = ["--clean", "--if-exists"] if overwrite else []
            _run(
                ["pg_restore", "--no-owner", "--exit-on-error", *options, f"--dbname={database}", str(dump)],
                settings_dict,
            )
        if manifest["media"]:
            for name, root in folders.items():
                if root.exists():
                    shutil.rmtree(root)
                if (Path(scratch) / name).is_dir():  # archives made before documents were private have none
                    shutil.copytree(Path(scratch) / name, root)
    return manifest
