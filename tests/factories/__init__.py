"""factory_boy factories for the site's content. Catalogue apps add theirs here too."""

import factory
import wagtail_factories
from wagtail.models import Site

from home.models import HomePage
from standardpages.models import ContentPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Home"
    slug = "home"
    hero_title = "Progetti finanziati e formazione"
    hero_text = "Dalla progettazione alla rendicontazione."

    class Meta:
        model = HomePage


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    slug = factory.Sequence(lambda n: f"pagina-{n}")
    intro = "Un sommario di prova."

    class Meta:
        model = ContentPage


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Immagine {n}")


def build_home(root):
    """Replace whatever is under the tree's root with a home page that the default site serves."""
    for child in root.get_children():
        child.delete()
    root.refresh_from_db()
    home = HomePageFactory(parent=root)
    make_site(home)
    return home


def make_site(root_page):
    """Point the default site at `root_page`, as a real install does."""
    Site.objects.filter(is_default_site=True).delete()
    return Site.objects.create(
        hostname="localhost", port=80, root_page=root_page, is_default_site=True, site_name="ASAP"
    )
