"""The kinds of result the site search offers: a registry the apps that own page models fill in.

`search` names no page model itself. Each app registers its type from its AppConfig.ready, e.g.

    result_types.register(ResultType("corsi", "Corsi", "Corso", order=20, detail=course_detail), CoursePage)

so /cerca/ lists exactly the types of the installed apps, in the order of their `order`.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext, gettext_noop

from core.dates import italian_on

DEFAULT_SUMMARY_FIELDS = ("search_description", "intro")


@dataclass(frozen=True)
class ResultType:
    slug: str  # in the URL: /cerca/?tipo=corsi
    # Out of equality and the hash (the slug is unique): a lazy label would be translated at each hash.
    label: str = field(compare=False)  # plural, for the filters: "Corsi"
    singular: str = field(compare=False)  # for each result: "Corso"
    order: int  # place among the types on /cerca/, smallest first
    # Fields a result's summary may come from, best first; a StreamField `body` is always tried last.
    summary_fields: tuple[str, ...] = field(default=DEFAULT_SUMMARY_FIELDS, compare=False)
    # Relations the detail line reads, prefetched for the whole results page at once.
    prefetch: tuple[str, ...] = field(default=(), compare=False)
    # page -> the date or status line; None gives "Aggiornata il ..." (see `result_detail`).
    detail: object = field(default=None, compare=False)
    # Words that name this kind of result in a query, in any of the site's languages ("corso", "corsi",
    # "course", "courses"): they steer the search to the type instead of being required text.
    keywords: tuple[str, ...] = field(default=(), compare=False)

    @property
    def display_label(self):
        """The plural label in the address's language (the msgids are the Italian labels)."""
        return gettext(self.label)

    @property
    def display_singular(self):
        return gettext(self.singular)


class Registry:
    """The registered types, and the page models each one groups."""

    def __init__(self):
        self._types = {}  # slug -> ResultType
        self._slug_of_model = {}  # page model -> slug
        self._sources = {}  # slug -> source of results that are not pages
        self._derived = {}  # what `by_model` and `available` computed, until the next registration

    def _kept(self, name, compute):
        if name not in self._derived:
            self._derived[name] = compute()
        return self._derived[name]

    def register_source(self, result_type, source):
        """A type whose results are not pages (an organisation's page is a route of the catalogue):
        `source.count(plan, request)` and `source.results(plan, request)` (a list of objects with
        `title`, `url` and `search_type`, the type's slug), placed before the pages' results."""
        self.register(result_type)
        self._sources[result_type.slug] = source
        self._derived.clear()

    def sources(self, result_type=None):
        return [source for slug, source in self._sources.items() if result_type is None or slug == result_type.slug]

    def register(self, result_type, *page_models):
        if result_type.slug in self._types:
            raise ImproperlyConfigured(f"Search result type {result_type.slug!r} is registered twice.")
        self._types[result_type.slug] = result_type
        self.add_pages(result_type.slug, *page_models)
        self._derived.clear()

    def add_pages(self, slug, *page_models):
        """Group more page models under a type, possibly one another app registers (a page model
        belongs to one type; the type may be registered before or after this call)."""
        for model in page_models:
            self._slug_of_model[model] = slug
        self._derived.clear()

    @property
    def by_model(self):
        return self._kept(
            "by_model",
            lambda: {model: self._types[slug] for model, slug in self._slug_of_model.items() if slug in self._types},
        )

    @property
    def available(self):
        """Types with at least one page model, in display order."""
        return self._kept("available", self._available)

    def _available(self):
        present = set(self.by_model.values()) | {self._types[slug] for slug in self._sources}
        return sorted(present, key=lambda result_type: (result_type.order, result_type.slug))

    def get(self, slug):
        return self._kept("by_slug", lambda: {t.slug: t for t in self.available}).get(slug)

    def type_of(self, page):
        return self.by_model.get(type(page)) or self._types.get(getattr(page, "search_type", None))

    def named_by(self, word):
        """The available type a (folded) query word names, if any."""
        return next((t for t in self.available if word in t.keywords), None)

    def page_models(self, result_type=None):
        """The page models of one type, or of every type."""
        return [model for model, t in self.by_model.items() if result_type is None or t == result_type]


result_types = Registry()

# The labels the installed apps register, so search's English catalogue carries them (the facets and
# each result's type are translated where they are shown, through `display_label`).
TYPE_LABELS = (
    gettext_noop("Progetti"),
    gettext_noop("Progetto"),
    gettext_noop("Corsi"),
    gettext_noop("Corso"),
    gettext_noop("Pagine"),
    gettext_noop("Pagina"),
    gettext_noop("Notizie"),
    gettext_noop("Notizia"),
    gettext_noop("Bandi"),
    gettext_noop("Bando"),
    gettext_noop("Eventi"),
    gettext_noop("Evento"),
    gettext_noop("Enti"),
    gettext_noop("Ente"),
)


# --- what a result shows besides its title ---------------------------------------------------------


def summary_texts(page, result_type=None):
    """Texts a result's summary may come from, best first: the short ones, then the body. A generator:
    the body (whose blocks may fetch images and other rows) is read only if no short text matched."""
    names = result_type.summary_fields if result_type is not None else DEFAULT_SUMMARY_FIELDS
    yield from (str(text) for text in (getattr(page, name, "") for name in names) if text)
    body = getattr(page, "body", None)
    stream_block = getattr(body, "stream_block", None)
    if stream_block is not None:
        yield " ".join(str(part) for part in stream_block.get_searchable_content(body))


def result_detail(page, result_type=None):
    """A short line with the date or status of a result ("In corso", "Aggiornata il 3 febbraio 2026")."""
    if result_type is not None and result_type.detail is not None:
        return result_type.detail(page)
    if page.last_published_at:
        return f"Aggiornata {italian_on(page.last_published_at)}"
    return ""
