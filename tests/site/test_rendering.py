"""Every page type renders its content, with navigation, breadcrumbs, boxes and meta tags."""

import re

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from django.views.defaults import page_not_found, server_error
from wagtail.documents.models import Document
from wagtail.embeds.models import Embed

from core.site_settings import NavigationItem, NavigationSettings, OrganisationSettings
from home.models import HomeCoursePick, HomeProjectPick
from tests.factories import ContentPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def furnished_home(home_page):
    about = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo", search_description="Chi è ASAP")
    training = ContentPageFactory(parent=home_page, title="Formazione", slug="formazione")
    home_page.course_picks.add(HomeCoursePick(page=training, description="Corsi per enti pubblici"))
    home_page.project_picks.add(HomeProjectPick(url="https://example.org/fei", label="Progetto FEI Lazio"))
    home_page.hero_image = ImageFactory()
    home_page.save_revision().publish()
    nav = NavigationSettings.for_site(home_page.get_site())
    nav.items.add(NavigationItem(page=about, sort_order=0))
    nav.items.add(NavigationItem(url="https://example.org/bandi", label="Bandi", sort_order=1))
    nav.save()
    OrganisationSettings.objects.update_or_create(
        site=home_page.get_site(),
        defaults={"name": "ASAP", "email": "info@asap.example", "pec": "asap@pec.example", "privacy_page": about},
    )
    return home_page


def test_home_page_shows_hero_intro_boxes_navigation_and_footer(client, furnished_home):
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="it"' in html
    assert "Progetti finanziati e formazione" in html
    assert 'id="box-corsi"' in html and "Corsi per enti pubblici" in html
    assert 'id="box-progetti"' in html and 'href="https://example.org/fei"' in html
    assert '<a href="/chi-siamo/">Chi siamo</a>' in html
    assert '<a href="https://example.org/bandi">Bandi</a>' in html
    assert "asap@pec.example" in html and "Informativa privacy" in html
    assert 'class="skip-link" href="#contenuto"' in html
    assert "fill-480x320-c100.format-webp.webp" in html  # the hero is a rendition cropped on its focal point
    # the sharing image is the hero, cropped for link previews
    assert re.search(r'<meta property="og:image" content="http://testserver/media/images/[^"]+\.fill-1200x630\.', html)


def test_content_page_has_breadcrumbs_boxes_meta_and_current_menu_entry(client, furnished_home):
    response = client.get("/chi-siamo/")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-label="Percorso"' in html and '<span aria-current="page">Chi siamo</span>' in html
    assert '<a href="/chi-siamo/" aria-current="page">Chi siamo</a>' in html
    assert 'id="box-corsi"' in html  # the boxes are on every page
    assert '<meta name="description" content="Chi è ASAP">' in html
    assert '<link rel="canonical" href="http://localhost/chi-siamo/">' in html
    assert '<meta property="og:title" content="Chi siamo">' in html


def test_every_body_block_renders(client, home_page):
    image = ImageFactory()
    document = Document.objects.create(title="Bando 2024", file=ContentFile(b"%PDF-1.4", name="bando.pdf"))
    Embed.objects.create(
        url="https://www.youtube.com/watch?v=abc",
        max_width=None,
        type="video",
        html="<iframe></iframe>",
        provider_name="YouTube",
        thumbnail_url="",
        width=640,
        height=360,
    )
    page = ContentPageFactory(
        parent=home_page,
        slug="blocchi",
        body=[
            ("heading", {"text": "Una sezione", "level": "h2"}),
            ("paragraph", "<p>Testo <b>ricco</b></p>"),
            (
                "image",
                {
                    "image": {"image": image, "decorative": False, "alt_text": "Una foto di gruppo"},
                    "caption": "Didascalia",
                    "credit": "Foto ASAP",
                },
            ),
            ("quote", {"text": "Una citazione", "attribution": "Qualcuno"}),
            (
                "call_to_action",
                {"title": "Scrivici", "text": "", "page": home_page, "url": "", "button_label": "Contatti"},
            ),
            ("document", {"document": document, "label": ""}),
            (
                "table",
                {
                    "caption": "Cifre",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": False,
                        "data": [["Anno", "Importo"], ["2013", "825"]],
                    },
                },
            ),
            ("embed", {"embed": "https://www.youtube.com/watch?v=abc", "title": "Video di presentazione"}),
        ],
    )
    html = client.get(page.url).content.decode()
    assert '<h2 class="block-heading">Una sezione</h2>' in html
    assert "Testo <b>ricco</b>" in html
    assert 'alt="Una foto di gruppo"' in html and "Didascalia" in html
    assert "<blockquote><p>Una citazione</p></blockquote>" in html
    assert 'class="button" href="/">Contatti</a>' in html
    assert "Bando 2024" in html and "PDF" in html
    assert '<th scope="col">Anno</th>' in html and "<td>825</td>" in html and "<caption>Cifre</caption>" in html
    # third-party embeds stay inert: a named placeholder and a link, no iframe
    assert "youtube.com" in html and "<iframe" not in html and "Video di presentazione" in html


def test_unknown_address_gets_the_italian_404(client, home_page):
    response = client.get("/non-esiste/")
    assert response.status_code == 404
    assert "Pagina non trovata" in response.content.decode()


def test_error_pages_render_without_touching_the_database(django_assert_num_queries, rf: RequestFactory):
    request = rf.get("/rotta/")
    with django_assert_num_queries(0):
        not_found = page_not_found(request, Exception("x"))
        broken = server_error(request)
    assert not_found.status_code == 404 and "Pagina non trovata" in not_found.content.decode()
    assert broken.status_code == 500 and "Si è verificato un errore" in broken.content.decode()


def test_sitemap_robots_and_favicon(client, furnished_home):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200 and b"http://localhost/chi-siamo/" in sitemap.content
    robots = client.get("/robots.txt")
    assert robots["Content-Type"].startswith("text/plain")
    assert b"Sitemap: http://testserver/sitemap.xml" in robots.content
    assert client.get("/favicon.ico").status_code == 301


def test_public_pages_set_no_cookie_and_are_identical_for_anonymous_visitors(client, furnished_home):
    first = client.get("/chi-siamo/")
    second = client.get("/chi-siamo/")
    assert not first.cookies and not second.cookies
    assert first.content == second.content
    assert "Cookie" not in first.get("Vary", ""), "anonymous pages must not vary on cookies (CDN caching)"
    assert b"csrfmiddlewaretoken" not in first.content
    assert b"<script>" not in first.content and b"<script " not in first.content.replace(b"<script src=", b"")


def test_signed_in_editors_still_get_the_wagtail_userbar(client, superuser, furnished_home):
    assert b"wagtail-userbar" not in client.get("/chi-siamo/").content
    client.force_login(superuser)
    assert b"wagtail-userbar" in client.get("/chi-siamo/").content
