"""The "Dati aperti" page (opendata.yaml) under the home page, found again before it is created."""

from demo.helpers import ensure_page, home_page, read
from opendata.models import OpenDataPage


def seed():
    home = home_page()
    if home is None:
        return 0
    _, created = ensure_page(home, OpenDataPage, read("opendata")["page"])
    return int(created)
