"""The home page, the default site that serves it, and the standard pages (pages.yaml)."""

from wagtail.models import Page, Site

from demo.helpers import add_page, child_page, ensure_page, field_values, read, site_image, stream
from home.models import HomePage
from standardpages.models import ContentPage


def seed():
    data = read("pages")
    home, home_created = ensure_home(data)
    created = int(home_created)
    for fields in data["pages"]:
        _, was_created = ensure_page(home, ContentPage, {**fields, "body": stream(fields.get("body", []))})
        created += was_created
    if home_created:
        # the button leads to a page that only exists now
        home.hero_link = child_page(home, Page, data["home"]["hero_link"])
        home.save_revision().publish()
    return created


def ensure_home(data):
    """(home page, created): created in place of Wagtail's placeholder welcome page and served by the
    default site."""
    home = HomePage.objects.first()
    if home:
        return home, False
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(content_type__model="page", slug="home", numchild=0):
        placeholder.delete()
    root.refresh_from_db()
    fields = {key: value for key, value in data["home"].items() if key != "hero_link"}
    fields["hero_image"] = site_image(fields["hero_image"])
    home = add_page(root, HomePage(**field_values(HomePage, fields)))
    site_data = data["site"]
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname=site_data["hostname"], port=site_data["port"], is_default_site=True
    )
    site.root_page = home
    site.site_name = site_data["site_name"]
    site.save()
    return home, True
