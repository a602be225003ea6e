"""An Italian site with an English home and an English "About us", as the demo has them."""

import pytest
from wagtail.models import Locale

from tests.factories import ContentPageFactory


@pytest.fixture
def english(wagtail_root):
    """The English locale (home's migration makes it; a transactional test's flush removes it)."""
    return Locale.objects.get_or_create(language_code="en")[0]


def translate(page, locale, **fields):
    """The published `locale` translation of `page` (Wagtail's copy for translation), with `fields`."""
    translated = page.copy_for_translation(locale, copy_parents=True).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def bilingual(home_page, english):
    """(Italian about, English about, Italian page with no translation)."""
    about = ContentPageFactory(parent=home_page, title="Chi siamo", slug="chi-siamo")
    untranslated = ContentPageFactory(parent=home_page, title="Contatti", slug="contatti")
    translate(home_page, english, title="Home", slug="home-en", hero_title="Funded projects and training")
    about_en = translate(about, english, title="About us", slug="about-us", intro="Who we are.")
    return about, about_en, untranslated
