"""Uploaded media in an S3-compatible bucket: what AWS_STORAGE_BUCKET_NAME switches on in the settings,
and Wagtail's images, renditions and documents going through it to moto's S3 server (in this process,
so this runs on SQLite too)."""

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import boto3
import pytest
import requests
import wagtail_factories
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from moto.server import ThreadedMotoServer
from PIL import Image
from wagtail.models import Collection, CollectionViewRestriction

from tests.factories import ImageFactory
from tests.factories.projects import ProjectPageFactory
from tests.security.faults import free_port

from .bucket import BUCKET, PUBLIC_IMAGES_POLICY

ROOT = Path(__file__).resolve().parents[2]
PROBE = (
    "import json, django; from django.conf import settings; django.setup();"
    "print(json.dumps({'storages': settings.STORAGES, 'media_url': settings.MEDIA_URL,"
    "'img_src': settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'],"
    "'documents': getattr(settings, 'WAGTAILDOCS_SERVE_METHOD', None), 'sessions': settings.SESSION_ENGINE,"
    "'purged': sorted(b['LOCATION'] for b in getattr(settings, 'WAGTAILFRONTENDCACHE', {}).values())}))"
)


def settings_of(module, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DATABASE_", "REDIS_", "FRONTEND_"))}
    clean.update(env, DJANGO_SETTINGS_MODULE=f"asap_site.settings.{module}", SECRET_KEY="k" * 50)
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=ROOT, env=clean, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_make_run_keeps_media_on_disk_and_sessions_in_the_database():
    values = settings_of("local")
    assert values["storages"]["default"]["BACKEND"] == "core.storage.MediaStorage"  # documents outside MEDIA_ROOT
    assert values["media_url"] == "/media/" and values["documents"] == "serve_view"
    assert values["sessions"] == "django.contrib.sessions.backends.db"


def test_a_bucket_redis_and_two_varnishes_from_the_environment():
    values = settings_of(
        "production",
        AWS_STORAGE_BUCKET_NAME="asap-media",
        AWS_S3_CUSTOM_DOMAIN="media.asap.example",
        REDIS_URL="redis://cache.internal:6379/1",
        FRONTEND_CACHE_URL="http://10.0.0.5:6081, http://10.0.0.6:6081",
    )
    media = values["storages"]["default"]
    assert media["BACKEND"] == "core.bucket.BucketStorage"
    assert media["OPTIONS"]["bucket_name"] == "asap-media" and media["OPTIONS"]["querystring_auth"] is False
    assert values["storages"]["staticfiles"]["BACKEND"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"
    assert values["media_url"] == "https://media.asap.example/"
    assert "https://media.asap.example" in values["img_src"]  # the Content-Security-Policy lets the images in
    assert values["documents"] == "serve_view"
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert values["purged"] == ["http://10.0.0.5:6081", "http://10.0.0.6:6081"]


@pytest.fixture(params=[None])
def bucket(settings, monkeypatch, request):
    """moto's S3 server with the deployment's bucket policy, and the site's media storage pointed at it
    by the same settings code as in production (`AWS_DEFAULT_ACL` as the test's parameter says); yields
    the bucket's URL."""
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    requests.post(f"{endpoint}/moto-api/reset", timeout=10)  # moto keeps its buckets in this process
    for name, value in {"AWS_ACCESS_KEY_ID": "prova", "AWS_SECRET_ACCESS_KEY": "prova-segreta"}.items():
        monkeypatch.setenv(name, value)
    s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_bucket_policy(Bucket=BUCKET, Policy=json.dumps(PUBLIC_IMAGES_POLICY))
    acl = {"AWS_DEFAULT_ACL": request.param} if request.param else {}
    values = settings_of(
        "production",
        AWS_STORAGE_BUCKET_NAME=BUCKET,
        AWS_S3_ENDPOINT_URL=endpoint,
        AWS_S3_REGION_NAME="us-east-1",
        AWS_S3_ADDRESSING_STYLE="path",
        **acl,
    )
    settings.STORAGES = {**settings.STORAGES, "default": values["storages"]["default"]}
    settings.WAGTAILDOCS_SERVE_METHOD = values["documents"]
    try:
        yield s3, f"{endpoint}/{BUCKET}/"
    finally:
        requests.post(f"{endpoint}/moto-api/reset", timeout=10)
        server.stop()


def keys(s3):
    return sorted(item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", []))


@pytest.mark.django_db
def test_images_and_renditions_are_in_the_bucket_and_served_from_it(client, bucket, project_catalogue, settings):
    s3, bucket_url = bucket
    image = ImageFactory(title="Sportello", file__filename="sportello.png", file__width=1200, file__height=900,
                         file__color="#1f6f8b")  # fmt: skip
    ProjectPageFactory(parent=project_catalogue, slug="sportelli", image=image)
    assert keys(s3) == ["original_images/sportello.png"]

    html = client.get("/progetti/sportelli/").content.decode()
    (url,) = [part.split('"')[0] for part in html.split('src="')[1:] if ".fill-960x540" in part.split('"')[0]]
    assert url.startswith(bucket_url)
    answer = requests.get(url, timeout=10)
    assert answer.status_code == 200
    picture = Image.open(io.BytesIO(answer.content))
    assert picture.size == (960, 540)
    assert all(
        abs(got - sent) <= 2 for got, sent in zip(picture.getpixel((480, 270))[:3], (0x1F, 0x6F, 0x8B), strict=True)
    )  # JPEG
    # the original and its renditions (the page's sizes in JPEG and WebP, the sharing image), nothing in MEDIA_ROOT
    renditions = [key for key in keys(s3) if key != "original_images/sportello.png"]
    assert renditions and all(key.startswith("images/sportello.") for key in renditions), keys(s3)
    assert any(key.endswith(".webp") for key in renditions)
    assert not any(Path(settings.MEDIA_ROOT).rglob("sportello*"))


@pytest.mark.django_db
def test_documents_are_streamed_by_the_site_and_private_in_the_bucket(client, bucket, home_page):
    s3, bucket_url = bucket
    document = wagtail_factories.DocumentFactory(title="Bando", file__filename="bando.txt", file__data=b"Bando 2026")
    (key,) = keys(s3)
    assert key.startswith("documents/bando")
    served = client.get(document.url)
    assert served.status_code == 200 and b"".join(served.streaming_content) == b"Bando 2026"
    assert requests.get(f"{bucket_url}{key}", timeout=10).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("bucket", ["public-read"], indirect=True)
def test_a_protected_document_stays_private_even_when_uploads_are_made_public(client, bucket, home_page):
    """`AWS_DEFAULT_ACL=public-read` (a bucket without the README's policy) opens images to everyone;
    a document in a password-protected collection still has no public URL, only the password form,
    and an SVG is stored as a download."""
    s3, bucket_url = bucket
    reserved = Collection.get_first_root_node().add_child(name="Riservata")
    CollectionViewRestriction.objects.create(collection=reserved, restriction_type="password", password="segreto")
    document = wagtail_factories.DocumentFactory(
        title="Graduatoria", collection=reserved, file__filename="graduatoria.txt", file__data=b"Nomi"
    )
    image = ImageFactory(title="Logo", file__filename="logo.png")
    assert requests.get(f"{bucket_url}{image.file.name}", timeout=10).status_code == 200
    assert requests.get(f"{bucket_url}{document.file.name}", timeout=10).status_code == 403
    form = client.get(document.url)
    assert form.status_code == 200 and not form.streaming and b"Nomi" not in form.content

    name = default_storage.save(
        "original_images/disegno.svg", ContentFile(b'<svg xmlns="http://www.w3.org/2000/svg"/>')
    )
    assert requests.get(f"{bucket_url}{name}", timeout=10).headers["Content-Disposition"] == "attachment"
