"""Pages with an image share it (`og:image`), and project images come in several widths and as WebP
(`<picture>` with a WebP source and a srcset), their alt texts unchanged."""

import re

import pytest

from tests.factories import ContentPageFactory, ImageFactory
from tests.factories.projects import ProjectIndexPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db
OG_IMAGE = re.compile(r'<meta property="og:image" content="http://testserver/media/images/[^"]+\.fill-1200x630\.')


@pytest.fixture
def project(home_page):
    catalogue = ProjectIndexPageFactory(parent=home_page, slug="progetti")
    return ProjectPageFactory(
        parent=catalogue,
        slug="fei-2011",
        title="FEI 2011",
        image=ImageFactory(title="Aula", file__width=1600, file__height=900),
    )


def test_a_project_page_shares_its_image(client, project):
    assert OG_IMAGE.search(client.get("/progetti/fei-2011/").content.decode())


def test_a_content_page_shares_the_first_image_of_its_content(client, home_page):
    image = ImageFactory()
    ContentPageFactory(
        parent=home_page, slug="chi-siamo", body=[("image", {"image": {"image": image, "alt_text": "Il gruppo"}})]
    )
    assert OG_IMAGE.search(client.get("/chi-siamo/").content.decode())


def test_a_page_without_image_has_no_og_image(client, home_page):
    ContentPageFactory(parent=home_page, slug="note-legali")
    assert 'property="og:image"' not in client.get("/note-legali/").content.decode()


def test_the_project_image_is_a_picture_with_webp_and_widths(client, project):
    html = client.get("/progetti/fei-2011/").content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    webp = re.search(r'<source [^>]*srcset="([^"]+)" type="image/webp">', picture).group(1)
    assert [entry.rsplit(" ", 1)[1] for entry in webp.split(", ")] == ["960w", "480w", "1440w"]
    assert all(entry.split(" ")[0].endswith(".webp") for entry in webp.split(", "))
    assert re.search(r'<img alt="Aula" class="project__image" [^>]*srcset="[^"]+960w', picture)


def test_the_project_card_is_a_picture_with_webp_and_two_widths(client, project):
    html = client.get("/progetti/").content.decode()
    picture = re.search(r'<div class="card__media"><picture>.*?</picture>', html, re.S).group(0)
    webp = re.search(r'<source [^>]*srcset="([^"]+)" type="image/webp">', picture).group(1)
    assert [entry.rsplit(" ", 1)[1] for entry in webp.split(", ")] == ["320w", "640w"]
    assert all(entry.split(" ")[0].endswith(".webp") for entry in webp.split(", "))
    assert re.search(r'<img alt="" class="card__image"', picture)
