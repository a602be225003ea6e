"""The filters both catalogues (projects, courses) are built with: a filter set on django-filter,
its facets and their counts; one page of results is `catalogue.listing`'s.

The state lives in the query string, so every view is a shareable URL that works without
JavaScript. One rule for what a visitor (or a mangled link) sends: a malformed value is left out of
the results and reported next to its field, in Italian; nothing a query string holds gives an error
page. Parameter names are Italian because they show in shared links."""

import hashlib
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.db.models import CharField, Count, Value
from django.db.models.functions import Cast
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_filters.constants import EMPTY_VALUES

from core.forms import ErrorsDescribedMixin
from core.parts import listed_by_first_publish, shared_part

from .ids import KeptIds

MAX_ID = 2**31 - 1
MAX_TEXT_LENGTH = 200
ALL = _("Tutti")  # the empty option of a list
INVALID_CHOICE = _("Valore non valido: scegli una delle opzioni proposte.")
TEXT_ERRORS = {
    "max_length": format_lazy(_("Scrivi al massimo {} caratteri."), MAX_TEXT_LENGTH),
    "null_characters_not_allowed": _("Il testo contiene caratteri non ammessi."),
}


class CatalogueForm(ErrorsDescribedMixin, forms.Form):
    """The filter form: ids `filtro-<name>`, and the same Italian message for every value that is not
    one of the options (a list only offers valid ones: anything else came from an edited link)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "filtro-%s")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field.widget, forms.Select):
                field.error_messages.update(dict.fromkeys(["invalid", "min_value", "max_value"], INVALID_CHOICE))
            field.error_messages.update({"invalid_choice": INVALID_CHOICE, **TEXT_ERRORS})


class CatalogueSelect(forms.Select):
    """Django's `Select` with the same HTML built in Python: its templates include one template per
    option, and the facets' lists (every organisation...) made that most of a catalogue's CPU."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        html = [format_html('<select name="{}"', context["name"]), _attrs(context["attrs"]), ">"]
        for group_name, options, _index in context["optgroups"]:
            if group_name:
                html.append(format_html('\n  <optgroup label="{}">', group_name))
            for option in options:
                html += [
                    '\n  <option value="',
                    conditional_escape(_text(option["value"])),
                    '"',
                    _attrs(option["attrs"]),
                ]
                html += [">", conditional_escape(option["label"]), "</option>\n"]  # the template ends a line
            if group_name:
                html.append("\n  </optgroup>")
        html.append("\n</select>")
        return mark_safe("".join(html))  # every value above is escaped


def _text(value):
    return value if isinstance(value, SafeData) else str(value)


def _attrs(attrs):
    """Django's `attrs.html`."""
    return "".join(
        format_html(" {}", name) if value is True else format_html(' {}="{}"', name, _text(value))
        for name, value in attrs.items()
        if value is not False
    )


# --- filters ---------------------------------------------------------------------------------------


class TextFilter(django_filters.CharFilter):
    """The text box. `clean(text)` keeps the searchable words; `match(model, text)` gives the ids the
    site search finds, asked once per request however many facets count with it."""

    def __init__(self, *, match, clean, **kwargs):
        kwargs.setdefault("label", _("Cerca"))
        kwargs.setdefault("max_length", MAX_TEXT_LENGTH)
        kwargs.setdefault("widget", forms.SearchInput)
        super().__init__(**kwargs)
        self.match, self.clean = match, clean
        self._matches = {}

    def filter(self, queryset, value):
        text = self.clean(value or "")
        if not text:
            return queryset
        if text not in self._matches:
            self._matches[text] = self.match(self.model, text)
        return queryset.filter(pk__in=self._matches[text])


class FacetFilter(django_filters.Filter):
    """A facet shown as a list of options with counts. The value is checked by type (`field_class`:
    an id, a slug, a year); the options come from the filter set's `options_<name>()`."""

    def __init__(self, field_class=forms.CharField, *, empty_label=ALL, **kwargs):
        self.field_class = field_class
        self.empty_label = empty_label
        kwargs.setdefault("widget", CatalogueSelect)
        super().__init__(**kwargs)


def id_facet(label, **kwargs):
    return FacetFilter(forms.IntegerField, label=label, min_value=1, max_value=MAX_ID, **kwargs)


class ChoiceFacet(django_filters.ChoiceFilter):
    """A facet with a fixed list of options (counted too when the filter set has `options_<name>()`)."""

    def __init__(self, *, empty_label=ALL, **kwargs):
        kwargs.setdefault("widget", CatalogueSelect)
        super().__init__(empty_label=empty_label, **kwargs)
        self.empty_label = empty_label


class CheckboxFilter(django_filters.Filter):
    """A tick box (`?aperte=on`); unticked filters nothing."""

    field_class = forms.BooleanField

    def filter(self, queryset, value):
        return super().filter(queryset, True) if value else queryset


class SortFilter(django_filters.ChoiceFilter):
    """The order of the results: `sorts` maps each value to (label, ordering); none chosen is `default`."""

    def __init__(self, *, sorts, default, **kwargs):
        kwargs.setdefault("label", _("Ordina per"))
        kwargs.setdefault("widget", CatalogueSelect)
        super().__init__(
            choices=[(key, label) for key, (label, _ordering) in sorts.items()], empty_label=None, **kwargs
        )
        self.sorts, self.default = sorts, default

    def filter(self, queryset, value):
        return queryset.order_by(*self.sorts[value or self.default][1])


# --- the filter set --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int

    @property
    def text(self):
        return f"{self.label} ({self.count})"


@dataclass(frozen=True)
class ActiveFilter:
    text: str
    remove_url: str


class CatalogueFilterSet(django_filters.FilterSet):
    """Always bound to the query string. `exclude` drops facets a route has fixed (the organisation
    page fixes `ente`). A facet with `counts_<name>(queryset)` and `options_<name>(counts,
    selected)` methods counts: each option says how many results it would give with all the *other*
    facets applied. Every facet's counts and the number of results come from one query."""

    class Meta:
        form = CatalogueForm

    # A catalogue whose results change with the clock (a call's deadline) sets how many seconds its
    # kept parts (counts, ids, filter form, cards) may live at most; None: until editors change something.
    part_seconds = None
    # What a republish of a listed page changes in the kept ids, counts and other per-filter parts
    # only if it changes what they read: their queries over `listed_models` count as listings
    # newest first (`core.parts.listed_by_first_publish`: purged by a first publish or a removal,
    # not by every republish), and they declare `fact_tags`, which the app purges when a save
    # changes what they read (projects/catalogue_facts.py). Empty: purged by every publish of a
    # listed page type, as any listing.
    listed_models = ()
    fact_tags = ()

    def __init__(self, data, queryset, *, request, exclude=()):
        super().__init__(data, queryset, request=request)
        for name in exclude:
            del self.filters[name]
        self.option_labels = None

    @cached_property
    def values(self):
        """The valid values that filter something; a malformed one is absent (the form reports it)."""
        self.form.is_valid()
        return {
            name: value
            for name, value in self.form.cleaned_data.items()
            if value not in EMPTY_VALUES and value is not False
        }

    def filter_queryset(self, queryset, skip=None):
        """`queryset` narrowed by every valid value (but `skip`'s) and sorted, by default if need be."""
        self.form.is_valid()
        cleaned = self.form.cleaned_data
        for name, filter_ in self.filters.items():
            if name != skip and (name in cleaned or isinstance(filter_, SortFilter)):
                queryset = filter_.filter(queryset, cleaned.get(name))
        return queryset

    def count_options(self):
        """Fill each counting facet's list with its options, "Label (n)", and `option_labels`, once:
        only to build the form or name the active filters. The counts depend only on the filters (not
        the order or the page), so without a text search they are kept as a shared part: the other
        pages and orders of a listing, and every visitor after the first, reuse them until editors
        change something."""
        if self.option_labels is not None:
            return
        self.option_labels = {}
        counts = self.shared_for_filters("catalogue-counts", self._query_counts)
        for name, field in self.form.fields.items():
            if hasattr(self, f"counts_{name}"):
                options = getattr(self, f"options_{name}")(counts.get(name, {}), self.values.get(name))
                field.widget.choices = [("", self.filters[name].empty_label), *((o.value, o.text) for o in options)]
                self.option_labels[name] = {o.value: o.label for o in options}

    def shared_for_filters(self, name, build):
        """`build()` kept as a shared part per filter state (path and filters, not the order or the
        page), like the facet counts; built afresh for a text search, whose states are endless."""
        return self._shared(name, self._filter_state(), build)

    def shared_for_form(self, name, build):
        """`build()` kept per value of each field as sent (what the form shows, malformed values and
        their errors included), not the page nor other parameters; afresh for a text search."""
        return self._shared(name, [(field, self.data.get(field)) for field in self.form.fields], build)

    def _shared(self, name, state, build):
        if self.search_text:
            return build()
        return shared_part(
            self._part_name(name, state), self.request, self._as_listing(build), self.part_seconds, self.fact_tags
        )

    def _as_listing(self, build):
        """`build` with its queries over `listed_models` seen as listings of what only a first
        publish, a removal or a changed fact changes (see `listed_models`)."""
        if not self.listed_models:
            return build

        def build_listing():
            with listed_by_first_publish(*self.listed_models):
                return build()

        return build_listing

    def _part_name(self, name, state):
        return f"{name}:{hashlib.sha256(repr((self.request.path, state)).encode()).hexdigest()}"

    def _filter_state(self):
        return sorted((name, str(value)) for name, value in self.values.items() if name in self._counted_filters)

    def ordered_ids(self):
        """The results' ids in their order, kept per filter state and order like the counts: every
        page of a listing slices the same list, so a deep page (page 500 of 100,000 projects by
        cost) neither sorts nor skips rows in the database. Kept compact and read by the slice a
        page needs (`catalogue.ids`), so a request's cost does not grow with the catalogue."""
        order = [
            f"{name}={self.values.get(name, f.default)}"
            for name, f in self.filters.items()
            if isinstance(f, SortFilter)
        ]

        def build():
            return list(self.qs.values_list("pk", flat=True))

        if self.search_text:
            return list(dict.fromkeys(build()))
        name = self._part_name(f"catalogue-ids:{'&'.join(order)}", self._filter_state())
        return KeptIds(name, self.request, self._as_listing(build), self.part_seconds, self.fact_tags)

    @property
    def _counted_filters(self):
        return [name for name, filter_ in self.filters.items() if not isinstance(filter_, SortFilter)]

    def _query_counts(self):
        """{facet: {value: count}}: one UNION ALL of a grouped SELECT per facet (none without facets)."""
        label = CharField()
        parts = [
            counts_of(self.filter_queryset(self.queryset.all(), skip=name)).annotate(
                facet=Value(name, output_field=label)
            )
            for name in self.form.fields
            if (counts_of := getattr(self, f"counts_{name}", None))
        ]
        counts = {}
        for row in parts[0].union(*parts[1:], all=True) if parts else []:
            counts.setdefault(row["facet"], {})[row["key"]] = row["n"]
        return counts

    def _selected_label(self, name, value):
        field = self.form.fields[name]
        if isinstance(field, forms.BooleanField):
            return field.label
        labels = (self.option_labels or {}).get(name) or {
            str(key): label for key, label in getattr(field, "choices", [])
        }
        label = labels.get(str(value))
        return f"{field.label}: {label}" if label else ""

    def _url_without(self, *names):
        """This listing without `names`, nor any malformed value."""
        query = self.request.GET.copy()
        for name in [*names, *self.form.errors]:
            query.pop(name, None)
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path

    @property
    def _removable(self):
        """The filters a visitor sets and can remove: not the text box, the order or hidden modes."""
        return [
            name
            for name, filter_ in self.filters.items()
            if not isinstance(filter_, TextFilter | SortFilter)
            and not isinstance(self.form.fields[name].widget, forms.HiddenInput)
        ]

    def active_filters(self):
        """The chosen facets, each with a link that removes it."""
        active = []
        if any(name in self.values for name in self._removable):
            self.count_options()
        for name in self._removable:
            if name in self.values and (text := self._selected_label(name, self.values[name])):
                active.append(ActiveFilter(text, self._url_without(name, "page")))
        return active

    @property
    def search_text(self):
        """The searchable words of the text box, "" without one."""
        texts = [f.clean(self.values.get(name, "")) for name, f in self.filters.items() if isinstance(f, TextFilter)]
        return next(filter(None, texts), "")

    @property
    def is_filtered(self):
        return bool(self.search_text) or any(name in self.values for name in self._removable)

    def reset_url(self):
        """This catalogue with no filter, in the same mode (hidden fields such as `archivio` stay)."""
        hidden = {field.name: field.value() for field in self.form.hidden_fields() if field.value()}
        return f"{self.request.path}?{urlencode(hidden)}" if hidden else self.request.path


def facet_counts(queryset, key, n=None):
    """A facet's counts as `counts_<name>()` gives them: `queryset` grouped by `key` (as text, so
    that every facet fits one UNION), counting `n` (by default its rows)."""
    return queryset.order_by().values(key=Cast(key, CharField())).annotate(n=n or Count("pk"))
