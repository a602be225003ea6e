"""The kinds of result the site search offers, as a small registry.

Models are named, not imported, and resolved when needed: a type whose app is not installed is
simply left out, so the search works before (and without) the catalogue apps.
"""

from dataclasses import dataclass, field

from django.apps import apps
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.models import Page


@dataclass(frozen=True)
class ResultType:
    slug: str  # in the URL: /cerca/?tipo=corsi
    label: str  # plural, for the filters: "Corsi"
    singular: str  # for each result: "Corso"
    models: tuple[str, ...]  # "app_label.ModelName", or "app_label" for every page model of an app
    # Relations a result's detail line reads, prefetched for the whole results page at once.
    prefetch: tuple[str, ...] = field(default=(), compare=False)
    # page -> the date or status line; None uses `result_detail`'s default.
    detail: object = field(default=None, compare=False)

    def page_models(self):
        found = []
        for spec in self.models:
            app_label, _, model_name = spec.partition(".")
            try:
                app_config = apps.get_app_config(app_label)
            except LookupError:
                continue
            if model_name:
                try:
                    found.append(app_config.get_model(model_name))
                except LookupError:
                    continue
            else:
                found.extend(m for m in app_config.get_models() if issubclass(m, Page) and not m._meta.abstract)
        return found


def _date(value):
    return f"{value:%d/%m/%Y}" if value else ""


def project_detail(project):
    """The status and dates, e.g. «In corso · dal 01/03/2024 al 28/02/2026»."""
    parts = [project.status_label]
    start, end = project.start_date, project.end_date
    if start and end:
        parts.append(f"dal {_date(start)} al {_date(end)}")
    elif start:
        parts.append(f"dal {_date(start)}")
    return " · ".join(parts)


def course_detail(course):
    """The status and next edition, e.g. «Iscrizioni aperte · prossima edizione dal 12/03/2027»."""
    parts = [course.status().label]
    upcoming = course.next_session()
    if upcoming is not None:
        parts.append(f"prossima edizione dal {_date(timezone.localtime(upcoming.start))}")
    return " · ".join(parts)


RESULT_TYPES = (
    ResultType("progetti", "Progetti", "Progetto", ("projects.ProjectPage",), detail=project_detail),
    ResultType("corsi", "Corsi", "Corso", ("courses.CoursePage",), ("sessions__venue",), detail=course_detail),
    ResultType("pagine", "Pagine", "Pagina", ("standardpages", "home")),
)


class Registry:
    """The available types, with a map from each page model to its type."""

    def __init__(self, result_types=RESULT_TYPES):
        self.result_types = result_types

    @cached_property
    def available(self):
        return [t for t in self.result_types if t.page_models()]

    def get(self, slug):
        return next((t for t in self.available if t.slug == slug), None)

    @cached_property
    def by_model(self):
        return {model: t for t in self.available for model in t.page_models()}

    def type_of(self, page):
        return self.by_model.get(type(page))

    def all_models(self):
        return list(self.by_model)


registry = Registry()


# --- what a result shows besides its title ---------------------------------------------------------

SUMMARY_ATTRIBUTES = ("search_description", "summary", "intro", "hero_text")


def summary_texts(page):
    """Texts a result's summary may come from, best first: the short ones, then the body."""
    texts = [getattr(page, name, "") for name in SUMMARY_ATTRIBUTES]
    texts = [str(text) for text in texts if text]
    body = getattr(page, "body", None)
    stream_block = getattr(body, "stream_block", None)
    if stream_block is not None:
        texts.append(" ".join(str(part) for part in stream_block.get_searchable_content(body)))
    return texts


def result_detail(page, result_type=None):
    """A short line with the date or status of a result ("In corso", "Aggiornata il 03/02/2026")."""
    if result_type is not None and result_type.detail is not None:
        return result_type.detail(page)
    if page.last_published_at:
        return f"Aggiornata il {timezone.localtime(page.last_published_at):%d/%m/%Y}"
    return ""
