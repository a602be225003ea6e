"""What `make screenshots` and `make lighthouse` look at: the demo served as `make bench` serves it
(gunicorn, `local` settings, DEBUG off, page cache and CSP on, a scratch database seeded with the
demo and dropped afterwards), and one URL per page type."""

from contextlib import contextmanager

from .pages import Server, demo_database, page_urls, scratch_url, server_env

ORDER = [
    "home",
    "content page",
    "project catalogue",
    "project page",
    "organisation page",
    "course catalogue",
    "course page",
    "enquiry form",
    "events index",
    "event page",
    "search",
    "contact form",
    "404",
]


def review_urls():
    """`make bench`'s page types, plus the two forms; search with a word that finds every type."""
    from contact.models import ContactFormPage

    urls = page_urls()
    urls["enquiry form"] = f"{urls['course page']}richiedi-informazioni/"
    urls["search"] = urls.pop("search ?q=progetti")
    urls["contact form"] = ContactFormPage.objects.live().first().url
    return {label: urls[label] for label in ORDER}


@contextmanager
def served_demo():
    """(server, {page type: path}) while the demo is served on a free port."""
    with demo_database() as connection:
        urls = review_urls()
        connection.close()  # SQLite: let the server have the file to itself
        server = Server(server_env(scratch_url(connection)))
        try:
            yield server, urls
        finally:
            server.stop()


def slug(label):
    return label.replace(" ", "-")
