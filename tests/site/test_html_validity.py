"""Every page type is valid HTML5 according to the Nu HTML Checker."""

import pytest
from django.views.defaults import server_error

from tests.factories import ContentPageFactory, ImageFactory

pytestmark = pytest.mark.django_db


def test_pages_are_valid_html5(client, home_page, assert_valid_html, rf):
    home_page.hero_image = ImageFactory(width=1600, height=900)
    home_page.save_revision().publish()
    ContentPageFactory(
        parent=home_page,
        slug="chi-siamo",
        body=[
            ("heading", {"text": "Sezione", "level": "h2"}),
            ("paragraph", "<p>Testo</p>"),
            (
                "image",
                {
                    "image": {"image": ImageFactory(), "decorative": True, "alt_text": ""},
                    "caption": "Foto",
                    "credit": "",
                },
            ),
            (
                "table",
                {
                    "caption": "Cifre",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "data": [["A", "B"], ["1", "2"]],
                    },
                },
            ),
        ],
    )
    urls = ["/", "/chi-siamo/", "/cerca/?q=testo", "/non-esiste/"]
    documents = {url: client.get(url).content.decode() for url in urls}
    documents["500"] = server_error(rf.get("/")).content.decode()
    assert_valid_html(documents)
