"""Pages of a list, numbered: `page` and `page_size`.

Wagtail's v3 API pages by `limit`/`offset` (`WagtailLimitOffsetPagination`), but the site's page
cache keeps only answers whose every query parameter is one it knows (`serving.pagecache.keys`:
`page` as the catalogues read it, and `page_size`): with them and the catalogue's filters an API call
is kept and shared like the catalogue page it mirrors. Like Wagtail's class, a page size
over the maximum is refused (a 422 naming the parameter) rather than silently capped (django-ninja's
default)."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100


class NumberedPages(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=100_000, description="Numero della pagina, da 1.")
        page_size: int = Field(
            PAGE_SIZE,
            ge=1,
            le=MAX_PAGE_SIZE,
            description=f"Elementi per pagina (al massimo {MAX_PAGE_SIZE}).",
        )

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)
