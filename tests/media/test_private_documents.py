"""A document in a collection restricted by password is reachable only through the document view,
which asks for the password: its file is not under MEDIA_ROOT, so neither `make run` (SERVE_MEDIA) nor
a proxy serving MEDIA_ROOT hands it out by name. Every file goes out sandboxed."""

import importlib
from pathlib import Path

import pytest
import wagtail_factories
from django.conf import settings as django_settings
from django.urls import clear_url_caches
from wagtail.documents.models import Document

from tests.factories import ImageFactory

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
SANDBOX = "sandbox; default-src 'none'"


@pytest.fixture
def serve_media(settings):
    """The URLs of `make run`: the app serves MEDIA_ROOT at MEDIA_URL."""
    import asap_site.urls

    settings.SERVE_MEDIA = True
    importlib.reload(asap_site.urls)
    clear_url_caches()
    yield
    settings.SERVE_MEDIA = False
    importlib.reload(asap_site.urls)
    clear_url_caches()


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def bando(riservata):
    return wagtail_factories.DocumentFactory(
        title="Graduatoria", collection=riservata, file__filename="graduatoria.pdf", file__data=b"%PDF-1.4 nomi"
    )


def test_a_password_protected_document_is_not_served_by_its_media_url(client, serve_media, bando):
    assert client.get(f"/media/{bando.file.name}").status_code == 404
    assert client.get(f"/media/documents/{Path(bando.file.name).name}").status_code == 404
    # Not where a proxy serving MEDIA_ROOT would find it either.
    assert not any(Path(django_settings.MEDIA_ROOT).rglob("graduatoria*"))
    assert (Path(django_settings.PRIVATE_MEDIA_ROOT) / bando.file.name).read_bytes() == b"%PDF-1.4 nomi"


def test_the_document_view_asks_the_password_then_serves_it_privately(client, bando):
    form = client.get(bando.url)
    assert form.status_code == 200 and b"%PDF" not in body(form)
    assert "private" in form["Cache-Control"] and "public" not in form["Cache-Control"]

    action = f"/documents/authenticate_with_password/{bando.collection.get_view_restrictions().get().pk}/"
    assert client.post(action, {"password": PASSWORD, "return_url": bando.url}).status_code == 302
    served = client.get(bando.url)
    assert served.status_code == 200 and body(served) == b"%PDF-1.4 nomi"
    assert "private" in served["Cache-Control"] and "no-store" in served["Cache-Control"]
    assert served["Content-Security-Policy"] == SANDBOX and served["X-Content-Type-Options"] == "nosniff"


def test_a_public_document_stays_cacheable_and_sandboxed(client, home_page):
    document = wagtail_factories.DocumentFactory(title="Bando", file__filename="bando.txt", file__data=b"Bando 2026")
    served = client.get(document.url)
    assert served.status_code == 200 and body(served) == b"Bando 2026"
    assert "public" in served["Cache-Control"]
    assert served["Content-Security-Policy"] == SANDBOX and served["X-Content-Type-Options"] == "nosniff"


def test_images_are_served_sandboxed_and_svg_only_as_a_download(client, serve_media, home_page):
    photo = ImageFactory(title="Foto", file__filename="foto.png")
    served = client.get(photo.file.url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served["Content-Security-Policy"] == SANDBOX and served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Disposition"].startswith("inline")

    logo = Path(django_settings.MEDIA_ROOT) / "original_images" / "logo.svg"
    logo.write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    served = client.get("/media/original_images/logo.svg")
    assert served.status_code == 200 and served["Content-Security-Policy"] == SANDBOX
    assert served["Content-Disposition"] == 'attachment; filename="logo.svg"'


def test_the_migration_moves_documents_of_the_old_layout_out_of_media_root(client, serve_media, home_page):
    from django.apps import apps

    migration = importlib.import_module("core.migrations.0006_private_documents")
    old = Path(django_settings.MEDIA_ROOT) / "documents" / "verbale.txt"
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_bytes(b"Verbale")
    document = Document.objects.create(title="Verbale", file="documents/verbale.txt")

    migration.forwards(apps, None)
    migration.forwards(apps, None)  # idempotent

    assert not old.exists()
    assert client.get("/media/documents/verbale.txt").status_code == 404
    assert body(client.get(document.url)) == b"Verbale"


def test_the_page_cache_never_hands_a_restricted_document_to_another_visitor(client, another_client, page_cache, bando):
    restriction = bando.collection.get_view_restrictions().get()
    client.post(f"/documents/authenticate_with_password/{restriction.pk}/", {"password": PASSWORD, "return_url": "/"})
    assert body(client.get(bando.url)) == b"%PDF-1.4 nomi"
    for _ in range(2):
        answer = another_client.get(bando.url)
        assert b"%PDF" not in body(answer) and 'name="password"' in answer.content.decode()
