"""The "Dati aperti" page (opendata.yaml) under the home page, found again before it is created, and
in the main menu (the footer's links are the legal pages' fixed slots): a data user finds it from
every page, in Italian and, through the page's English translation, in English."""

from demo.helpers import add_to_menu, ensure_page, home_page, read
from opendata.models import OpenDataPage


def seed():
    home = home_page()
    if home is None:
        return 0
    page, created = ensure_page(home, OpenDataPage, read("opendata")["page"])
    return int(created) + add_to_menu(page)
