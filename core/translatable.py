"""Snippets a visitor reads, in the page's language. A translatable snippet (`TranslatableMixin`) has
one row per language sharing a `translation_key`; wagtail-localize's "Traduci" makes the English row
and its editor fills the texts the model's `translated_field_names` name (`translate_only`: the
rest, names included, stays in step with the Italian row).

Pages keep pointing at the Italian rows, in both languages (their English translations too: see
`SynchronizedField` on the pages' foreign keys), so the catalogues' filters keep the same ids and
slugs under /en/. What changes is what is shown: `in_language` gives copies of the Italian rows with
the address's language's texts, from one table per model kept as a shared part (no query per row,
none at all once kept, and none on Italian pages)."""

import copy

from django.conf import settings
from django.db.models import Q
from django.db.models.query import ModelIterable
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from .language import active_locale_id, in_active_language
from .parts import shared_part

# The rows a visitor chooses among (filters, the editors' choosers on Italian pages): the source
# language's. Usable as a foreign key's `limit_choices_to`.
SOURCE_ROWS = Q(locale__language_code=settings.LANGUAGE_CODE)


def translate_only(*models):
    """Make wagtail-localize translate the `translated_field_names` of each model and keep every
    other field (names, codes, slugs, links to other snippets) the same as the source row's. Called
    from an `AppConfig.ready()`: deriving the fields needs every model loaded."""
    for model in models:
        names = model.translated_field_names
        model.translatable_fields = [
            field
            if field.field_name in names or not isinstance(field, TranslatableField)
            else SynchronizedField(field.field_name)
            for field in get_translatable_fields(model)
        ]


def source_rows(queryset):
    """The Italian rows of a translatable snippet's queryset."""
    return queryset.filter(SOURCE_ROWS)


def _texts(model, request):
    """{translation key: (text, ...)} of `model`'s rows in the address's language."""
    names = model.translated_field_names

    def build():
        rows = model.objects.filter(locale_id=active_locale_id()).values_list("translation_key", *names)
        return {str(key): values for key, *values in rows}

    return shared_part(f"translated-texts:{model._meta.label_lower}", request, build)


def in_language(instances, request=None):
    """`instances` (rows of one translatable snippet) as the address's language shows them: copies
    carrying the translated texts where a translation says one, the rows themselves otherwise. On
    Italian addresses `instances` as they are."""
    instances = list(instances)
    if not instances or not in_active_language():
        return instances
    names = type(instances[0]).translated_field_names
    texts = _texts(type(instances[0]), request)
    shown = []
    for instance in instances:
        values = texts.get(str(instance.translation_key))
        if values is None or not any(values):
            shown.append(instance)
            continue
        translated = copy.copy(instance)  # the same id and slug: links and filters stay the Italian ones
        for name, value in zip(names, values, strict=True):
            if value:
                setattr(translated, name, value)
        shown.append(translated)
    return shown


def one_in_language(instance, request=None):
    """`in_language` for a single row (or None)."""
    return in_language([instance], request)[0] if instance is not None else None


class _InLanguageIterable(ModelIterable):
    def __iter__(self):
        yield from in_language(list(super().__iter__()))


def shown_in_language(queryset):
    """`queryset` whose rows come out as `in_language` gives them (for a `Prefetch`: the cards'
    territories), one query more on English addresses; `queryset` itself on Italian ones."""
    if not in_active_language():
        return queryset
    queryset = queryset.all()
    queryset._iterable_class = _InLanguageIterable
    return queryset
