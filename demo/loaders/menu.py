"""The main menu (menu.yaml), once every page it lists exists."""

from demo.helpers import add_to_menu, home_page, read


def seed():
    home = home_page()
    if home is None:
        return 0
    created = 0
    for slug in read("menu"):
        page = home.get_children().filter(slug=slug).first()
        if page is not None:
            created += add_to_menu(page)
    return created
