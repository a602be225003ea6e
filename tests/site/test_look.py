"""The look editors control and the weight visitors download: the brand colour and logo of the
organisation settings, the theme stylesheet, fund-coloured placeholders, fonts and the page budget."""

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.images import ImageFile
from wagtail.images import get_image_model

from core import theme
from core.site_settings import OrganisationSettings
from projects.models import Fund
from tests.factories import ImageFactory
from tests.factories.courses import CoursePageFactory
from tests.factories.projects import FundFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

FONTS = Path(settings.BASE_DIR) / "core" / "static" / "fonts"
CSS_BUDGET = 31 * 1024  # 30 KiB until the language switch (about 0.5 KiB) joined every page
JS_BUDGET = 20 * 1024


def organisation_form(site, **changes):
    """The fields the organisation settings form posts, with `changes`."""
    data = {"name": "ASAP", "brand_colour": "#0b4f8a", "logo_alt": ""}
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def save_settings(client, superuser, site, **changes):
    client.force_login(superuser)
    response = client.post(f"/admin/settings/core/organisationsettings/{site.pk}/", organisation_form(site, **changes))
    client.logout()
    return response


def stylesheet_url(html):
    return re.search(r'<link rel="stylesheet" href="(/tema\.css\?v=[0-9a-f]+)">', html).group(1)


def test_a_brand_colour_too_light_for_white_text_is_refused_in_italian(client, superuser, home_page):
    site = home_page.get_site()
    OrganisationSettings.for_site(site)
    response = save_settings(client, superuser, site, brand_colour="#ffcc00")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Il testo bianco su questo colore ha un contrasto di 1,51:1" in html
    assert "inferiore al minimo di 4,5:1" in html and "scegli un colore più scuro" in html
    assert OrganisationSettings.for_site(site).brand_colour == "#0b4f8a"


@pytest.mark.parametrize(
    ("value", "error"),
    [("0b4f8a", "esadecimale"), ("#0b4f8", "esadecimale"), ("blu", "esadecimale"), ("#777777", "4,48:1")],
)
def test_brand_colour_needs_six_hex_digits_and_4_5_to_1_with_white(value, error):
    with pytest.raises(Exception) as refused:
        theme.validate_brand_colour(value)
    assert error in str(refused.value)


def test_the_theme_stylesheet_carries_the_saved_colour_and_changes_with_it(client, superuser, home_page, page_cache):
    site = home_page.get_site()
    OrganisationSettings.for_site(site)
    first_url = stylesheet_url(client.get("/").content.decode())
    first = client.get(first_url)
    assert first["Content-Type"] == "text/css; charset=utf-8"
    assert "--c-primary:#0b4f8a;" in first.content.decode()
    assert first["Cache-Control"] == "public, max-age=31536000, immutable"

    assert save_settings(client, superuser, site, brand_colour="#6A1B4D").status_code == 302
    assert OrganisationSettings.for_site(site).brand_colour == "#6a1b4d"
    second_url = stylesheet_url(client.get("/").content.decode())
    assert second_url != first_url, "a new colour gets a new address, so browsers fetch it"
    css = client.get(second_url).content.decode()
    assert "--c-primary:#6a1b4d;" in css and "--c-primary-dark:#50143a;" in css
    stale = client.get(first_url)
    assert "--c-primary:#6a1b4d;" in stale.content.decode(), "the cached old answer was purged"
    assert "immutable" not in stale["Cache-Control"] and "public" in stale["Cache-Control"]


def test_links_stay_readable_on_the_pale_grey_with_any_accepted_colour():
    for brand in ("#0b4f8a", "#767676", "#2e7d32", "#c62828"):
        theme.validate_brand_colour(brand)
        link = theme.palette(brand)["--c-link"]
        assert theme.contrast_ratio(link, theme.ALT_BACKGROUND) >= 4.5, brand


def test_the_header_shows_the_logo_with_its_alternative_text(client, superuser, home_page):
    site = home_page.get_site()
    assert 'class="brand__mark" aria-hidden="true">A<' in client.get("/").content.decode()
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 96 96" width="96" height="96"><rect width="96" height="96"/></svg>'
    logo = get_image_model()(title="Logo")
    logo.file.save("logo.svg", ImageFile(io.BytesIO(svg), name="logo.svg"), save=True)
    organisation = OrganisationSettings.for_site(site)
    organisation.logo, organisation.logo_alt = logo, "Logo di ASAP"
    organisation.save()
    html = client.get("/").content.decode()
    header = html[html.index('<header class="site-header">') : html.index("</header>")]
    assert re.search(
        r'<img class="brand__logo" src="/media/images/logo[^"]*\.svg" width="96" height="96" alt="Logo di ASAP">',
        header,
    )
    assert "brand__mark" not in header


def test_a_logo_without_alternative_text_is_refused(client, superuser, home_page):
    site = home_page.get_site()
    OrganisationSettings.for_site(site)
    response = save_settings(client, superuser, site, logo=ImageFactory().pk, logo_alt="  ")
    assert "Scrivi il testo alternativo del logo" in response.content.decode()
    assert OrganisationSettings.for_site(site).logo is None


def test_a_project_without_a_picture_gets_a_placeholder_in_its_fund_colour(client, project_catalogue):
    fund = FundFactory(acronym="FSE+", colour=Fund.Colour.PURPLE)
    ProjectPageFactory(parent=project_catalogue, title="Senza immagine", fund=fund)
    ProjectPageFactory(parent=project_catalogue, title="Con immagine", image=ImageFactory())
    html = client.get(project_catalogue.url).content.decode()
    cards = {
        title: card
        for card in html.split('<article class="card">')[1:]
        for title in re.findall(r">([^<]+)</a></h3>", card)
    }
    placeholder = '<div class="card__placeholder card__placeholder--viola" aria-hidden="true"><span class="card__placeholder-text">FSE+</span></div>'
    assert placeholder in cards["Senza immagine"]
    assert 'class="card__image"' in cards["Con immagine"] and "card__placeholder" not in cards["Con immagine"]
    css = Path(finders.find("css/catalogue.css")).read_text()
    for value, _label in Fund.Colour.choices:
        colour = re.search(rf"\.card__placeholder--{value} {{ --fund: (#[0-9a-f]{{6}}); }}", css).group(1)
        assert theme.contrast_ratio(colour, "#ffffff") >= 4.5, value


def test_fonts_are_self_hosted_within_budget_with_their_licence():
    woff2 = sorted(FONTS.glob("*.woff2"))
    assert [font.name for font in woff2] == [
        "titillium-web-latin-400-italic.woff2",
        "titillium-web-latin-400-normal.woff2",
        "titillium-web-latin-600-normal.woff2",
        "titillium-web-latin-700-normal.woff2",
    ]
    assert sum(font.stat().st_size for font in woff2) <= 100 * 1024
    assert "SIL Open Font License" in (FONTS / "OFL.txt").read_text()
    css = Path(finders.find("css/site.css")).read_text()
    faces = re.findall(r"@font-face \{[^}]*\}", css)
    assert len(faces) == len(woff2)
    for face in faces:
        assert "font-display: swap" in face
        assert (FONTS / re.search(r'url\("\.\./fonts/([^"]+)"\)', face).group(1)).exists()


def test_no_stylesheet_or_page_asks_another_host(client, project_catalogue):
    ProjectPageFactory(parent=project_catalogue, title="Un progetto")
    for path in sorted(Path(settings.BASE_DIR).glob("*/static/**/*.css")):
        css = path.read_text()
        assert "@import" not in css, path
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", css), path
    for url in ("/", project_catalogue.url):
        html = client.get(url).content.decode()
        fetched = re.findall(r'<(?:img|script)[^>]* src="([^"]+)"', html)
        fetched += re.findall(r'<link rel="(?:stylesheet|preload|icon)" href="([^"]+)"', html)
        assert fetched and all(address.startswith("/") and not address.startswith("//") for address in fetched), url


def page_assets(client, html):
    """Bytes of the stylesheets and scripts a page loads (static files from the finders, /tema.css from the site)."""
    sizes = {"css": 0, "js": 0}
    for kind, pattern in (("css", r'<link rel="stylesheet" href="([^"]+)"'), ("js", r'<script src="([^"]+)"')):
        for url in re.findall(pattern, html):
            if url.startswith(settings.STATIC_URL):
                sizes[kind] += Path(finders.find(url.removeprefix(settings.STATIC_URL))).stat().st_size
            else:
                sizes[kind] += len(client.get(url).content)
    return sizes


def test_every_page_type_keeps_within_the_css_and_js_budget(client, home_page, project_catalogue, course_catalogue):
    project = ProjectPageFactory(parent=project_catalogue, title="Un progetto")
    course = CoursePageFactory(parent=course_catalogue, title="Un corso")
    pages = ("/", project_catalogue.url, project.url, course_catalogue.url, course.url, "/cerca/?q=progetto")
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        sizes = page_assets(client, response.content.decode())
        assert sizes["css"] <= CSS_BUDGET, (url, sizes)
        assert sizes["js"] <= JS_BUDGET, (url, sizes)
