"""Uploads through the admin as a Redattrice: an SVG that could run a script is refused with the
reason (in Italian), a plain one is accepted; a broken GIF in the multiple upload is a form error, not
a 500; a full disk gives the branded 507 page and leaves no partial file."""

import errno
import io
import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image

from core.storage import MediaStorage
from core.uploads import svg_problem

pytestmark = pytest.mark.django_db

PLAIN_LOGO = b"""<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="96" height="96" viewBox="0 0 96 96">
  <title>Logo di ASAP</title>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#1f6f8b"/></linearGradient></defs>
  <style>.a { fill: url(#g); }</style>
  <g inkscape:label="Livello 1"><path id="p" class="a" d="M0 96 48 0 96 96z"/><use xlink:href="#p" x="4"/></g>
</svg>"""

ACTIVE = {
    "script": b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
    "onload": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="1" height="1"/></svg>',
    "foreignObject": b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject></svg>',
    "external image": b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://evil.example/x.png"/></svg>',
    "javascript link": b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect width="9" height="9"/></a></svg>',
    "external style": b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/x.css);</style></svg>',
    "css url": b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url(https://evil.example/x)"/></svg>',
    "animation": b'<svg xmlns="http://www.w3.org/2000/svg"><set attributeName="href" to="javascript:alert(1)"/></svg>',
    "stylesheet": b'<?xml-stylesheet href="https://evil.example/x.xsl"?><svg xmlns="http://www.w3.org/2000/svg"/>',
    "entity": b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>',
    "html named svg": b"<html><body><script>alert(1)</script></body></html>",
}


@pytest.fixture
def signed_in(client, redattrice):
    client.force_login(redattrice)
    return client


def errors_of(response):
    form = response.context["form"]
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


def test_a_plain_svg_is_a_drawing():
    assert svg_problem(PLAIN_LOGO) is None


@pytest.mark.parametrize("content", ACTIVE.values(), ids=ACTIVE.keys())
def test_an_svg_that_could_run_a_script_is_named_for_what_it_has(content):
    assert svg_problem(content)


@pytest.mark.parametrize("name", ["script", "onload", "foreignObject", "external image", "html named svg"])
def test_the_admin_refuses_an_active_svg_with_an_italian_reason(signed_in, name):
    upload = SimpleUploadedFile("logo.svg", ACTIVE[name], content_type="image/svg+xml")
    response = signed_in.post("/admin/images/add/", {"title": "Logo", "file": upload})
    assert response.status_code == 200
    message = errors_of(response)
    assert "Questo SVG non può essere caricato" in message or "non è un'immagine" in message.lower(), message
    assert not Image.objects.exists()


def test_the_admin_accepts_a_plain_svg(signed_in):
    upload = SimpleUploadedFile("logo.svg", PLAIN_LOGO, content_type="image/svg+xml")
    response = signed_in.post("/admin/images/add/", {"title": "Logo", "file": upload})
    assert response.status_code == 302
    assert Image.objects.get().title == "Logo"


def gif_bytes():
    out = io.BytesIO()
    PILImage.new("RGB", (64, 64), "#1f6f8b").save(out, "GIF")
    return out.getvalue()


@pytest.mark.parametrize(
    "content", [b"GIF89a\x10\x00\x10\x00\x80\x00\x00garbage", gif_bytes()[:40]], ids=["garbage", "truncated"]
)
def test_a_broken_gif_in_the_multiple_upload_is_refused_in_italian(signed_in, content):
    upload = SimpleUploadedFile("rotta.gif", content, content_type="image/gif")
    response = signed_in.post(
        "/admin/images/multiple/add/", {"files[]": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.status_code == 200
    answer = response.json()
    assert answer["success"] is False
    assert "non è un'immagine leggibile" in answer["error_message"]
    assert not Image.objects.exists()


def test_a_good_gif_in_the_multiple_upload_is_accepted(signed_in):
    upload = SimpleUploadedFile("buona.gif", gif_bytes(), content_type="image/gif")
    response = signed_in.post(
        "/admin/images/multiple/add/", {"files[]": upload}, HTTP_X_REQUESTED_WITH="XMLHttpRequest"
    )
    assert response.json()["success"] is True


def stored_files():
    roots = (django_settings.MEDIA_ROOT, django_settings.PRIVATE_MEDIA_ROOT)
    return sorted(str(path) for root in roots for path in Path(root).rglob("*") if path.is_file())


@pytest.fixture
def disk_fills_up(monkeypatch):
    """The disk takes the first 100 bytes of an upload, then answers ENOSPC (what a full MEDIA_ROOT does)."""
    real_fdopen = os.fdopen
    roots = (str(django_settings.MEDIA_ROOT), str(django_settings.PRIVATE_MEDIA_ROOT))

    class FullDisk:
        def __init__(self, file):
            self.file = file

        def write(self, chunk):
            self.file.write(chunk[:100])
            self.file.flush()
            raise OSError(errno.ENOSPC, "No space left on device")

        def close(self):
            self.file.close()

    def fdopen(fd, *args, **kwargs):
        file = real_fdopen(fd, *args, **kwargs)
        return FullDisk(file) if os.readlink(f"/proc/self/fd/{fd}").startswith(roots) else file

    monkeypatch.setattr(os, "fdopen", fdopen)


def test_a_full_disk_gives_the_italian_507_page_and_no_partial_file(signed_in, disk_fills_up):
    before = stored_files()
    signed_in.raise_request_exception = False
    upload = SimpleUploadedFile("foto.gif", gif_bytes(), content_type="image/gif")
    response = signed_in.post("/admin/images/add/", {"title": "Foto", "file": upload})
    assert response.status_code == 507
    assert "Spazio di archiviazione esaurito" in response.content.decode()
    assert stored_files() == before
    assert not Image.objects.exists()


def test_a_document_on_a_full_disk_gives_the_italian_507_page(signed_in, monkeypatch):
    def full(self, name, content):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(MediaStorage, "_save", full)
    signed_in.raise_request_exception = False
    upload = SimpleUploadedFile("bando.pdf", b"%PDF-1.4 bando", content_type="application/pdf")
    response = signed_in.post("/admin/documents/add/", {"title": "Bando", "file": upload})
    assert response.status_code == 507
    assert "Spazio di archiviazione esaurito" in response.content.decode()
    assert not Document.objects.exists()
