"""`make backup` / `make restore`: an archive with the database and the media, restored into a fresh
database and media folder; a restore never overwrites unless told to (docs/backups.md)."""

import io
import sqlite3
import tarfile

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from psycopg2 import sql

from core.backups import _pg_connect, database_kind

DOCUMENT = b"%PDF-1.4 bando 2026"


@pytest.fixture
def site_data(transactional_db, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private_media"
    django_user_model.objects.create_user("segreteria", "segreteria@asap.example", "una-password-robusta")
    default_storage.save("documents/bando.pdf", ContentFile(DOCUMENT))
    return tmp_path


def make_backup(folder):
    call_command("backup_site", "--cartella", str(folder / "backups"), stdout=io.StringIO())
    (archive,) = (folder / "backups").glob("asap-*.tar.gz")
    return archive


def restore(archive, database, media, *flags):
    """Images into `media`, documents into `media` + "-privati"."""
    documents = f"{media}-privati"
    call_command(
        "restore_site", str(archive), "--database", str(database), "--media", str(media),
        "--media-privati", documents, *flags,
    )  # fmt: skip


def documents_of(media):
    return media.with_name(media.name + "-privati")


def test_the_archive_holds_the_database_and_the_media(site_data):
    archive = make_backup(site_data)
    assert archive.stat().st_mode & 0o777 == 0o600
    with tarfile.open(archive) as tar:
        names = set(tar.getnames())
    assert {"manifest.json", "private_media/documents/bando.pdf"} <= names
    assert names & {"database.sqlite3", "database.pgdump"}


@pytest.mark.skipif(database_kind() != "sqlite", reason="SQLite run")
def test_sqlite_restores_into_a_fresh_file_and_refuses_to_overwrite(site_data):
    archive = make_backup(site_data)
    fresh, media = site_data / "ripristino.sqlite3", site_data / "media-ripristinati"
    restore(archive, fresh, media)
    with sqlite3.connect(fresh) as db:
        assert db.execute("SELECT username FROM auth_user").fetchall() == [("segreteria",)]
    assert (documents_of(media) / "documents" / "bando.pdf").read_bytes() == DOCUMENT

    (documents_of(media) / "documents" / "bando.pdf").write_bytes(b"modificato")
    with pytest.raises(
        CommandError,
        match=f"il database {fresh} e la cartella {documents_of(media)} non sono vuoti. Per sovrascrivere usa --sovrascrivi",
    ):
        restore(archive, fresh, media)
    assert (documents_of(media) / "documents" / "bando.pdf").read_bytes() == b"modificato"  # nothing touched
    restore(archive, fresh, media, "--sovrascrivi")
    assert (documents_of(media) / "documents" / "bando.pdf").read_bytes() == DOCUMENT


@pytest.fixture
def scratch_database():
    name = f"{connection.settings_dict['NAME']}_ripristino"
    yield name
    db = _pg_connect(connection.settings_dict, "postgres")
    db.autocommit = True
    with db.cursor() as cursor:
        cursor.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    db.close()


@pytest.mark.skipif(database_kind() != "postgresql", reason="PostgreSQL run")
def test_postgresql_restores_into_a_new_database_and_refuses_to_overwrite(site_data, scratch_database):
    archive = make_backup(site_data)
    media = site_data / "media-ripristinati"
    restore(archive, scratch_database, media)
    db = _pg_connect(connection.settings_dict, scratch_database)
    with db, db.cursor() as cursor:
        cursor.execute("SELECT username FROM auth_user")
        assert cursor.fetchall() == [("segreteria",)]
    db.close()
    assert (documents_of(media) / "documents" / "bando.pdf").read_bytes() == DOCUMENT

    with pytest.raises(CommandError, match=f"il database {scratch_database} e la cartella .* non sono vuoti"):
        restore(archive, scratch_database, media)
    restore(archive, scratch_database, media, "--sovrascrivi")
    db = _pg_connect(connection.settings_dict, scratch_database)
    with db, db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM auth_user")
        assert cursor.fetchone() == (1,)
    db.close()


def test_an_archive_that_is_not_a_backup_is_refused(tmp_path, db):
    bogus = tmp_path / "altro.tar.gz"
    with tarfile.open(bogus, "w:gz"):
        pass
    with pytest.raises(CommandError, match="non è un backup del sito"):
        restore(bogus, tmp_path / "x.sqlite3", tmp_path / "media")
    with pytest.raises(CommandError, match="Impossibile leggere"):
        restore(tmp_path / "manca.tar.gz", tmp_path / "x.sqlite3", tmp_path / "media")
