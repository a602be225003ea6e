"""The page edit form with a constant number of queries, however many rows its inline panels hold.

Wagtail's chooser widgets fetch their chosen item by id each time they are drawn (once in the
form, once more for the panel's client-side definition), one query per row of an inline panel and
two for a page (its specific version, its parent); a model select runs its query each time it is
iterated; a StreamField packs its blocks' definition for the browser on every request. Here the
items of each inline panel's choosers are fetched together, each chooser keeps what it found, model
selects read their options once, and a StreamField's definition is packed once per language.
(The StreamField's heavy editors are built in the browser when needed: core/lazy_widgets.py.)"""

from collections import defaultdict
from contextlib import suppress

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminPageChooser, BaseChooser
from wagtail.blocks.base import BlockWidget
from wagtail.models import Page


def remember_instances(widget, found=None):
    """Make the chooser find its item in `found` (by id) or fetch it once and keep it."""
    found = {} if found is None else found
    fetch = widget.get_instance

    def get_instance(value):
        if value is None or isinstance(value, widget.model_class):
            return fetch(value)
        key = str(value)
        if key not in found:
            try:
                found[key] = fetch(value)
            except (ValueError, ValidationError):  # a malformed id posted back: the form says why
                found[key] = None
        return found[key]

    widget.get_instance = get_instance


def with_parents(pages):
    """Give each page its parent (the page chooser shows where it sits) in one query."""
    paths = {page.path[: -Page.steplen] for page in pages if page.depth > 1}
    parents = {parent.path: parent for parent in Page.objects.filter(path__in=paths)}
    for page in pages:
        if page.path[: -Page.steplen] in parents:
            page._cached_parent_obj = parents[page.path[: -Page.steplen]]
    return pages


def fetch_together(model, values, pages=False):
    """{id as text: item} of `model` for the ids in `values`, in one query (pages: more for their
    specific types and one for their parents); a malformed id is left to the form's validation."""
    ids = set()
    for value in values:
        with suppress(ValidationError):
            ids.add(model._meta.pk.to_python(value))
    if not ids:
        return {}
    items = model._default_manager.filter(pk__in=ids)
    items = with_parents(list(items.specific())) if pages else list(items)
    return {str(item.pk): item for item in items}


class FewerQueriesMixin:
    """For a ClusterForm (a page form): choosers and model selects as described above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read_choices_once(self)
        for field in self.fields.values():
            if isinstance(field.widget, BaseChooser):
                remember_instances(field.widget)
        for formset in getattr(self, "formsets", {}).values():
            self.prefetch_rows(formset)
        self.pack_blocks_once()

    def pack_blocks_once(self):
        """The definition depends on the blocks (the model field's, shared by every request) and the
        language only: keep it on the blocks."""
        for field in self.fields.values():
            if isinstance(field.widget, BlockWidget):
                packed = field.widget.block_def.__dict__.setdefault("packed_for_admin", {})
                language = get_language()
                if language not in packed:
                    packed[language] = (field.widget.js_context, field.widget.block_json)
                field.widget._js_context, field.widget._block_json = packed[language]

    @staticmethod
    def read_choices_once(form):
        for field in form.fields.values():
            # Selects and checkboxes only: a row's hidden id is a model choice too, over every row.
            if isinstance(field, forms.ModelChoiceField) and isinstance(field.widget, forms.widgets.ChoiceWidget):
                # Iterated, not list()ed: list() asks the iterator's length first, a COUNT query.
                # The field still validates on its queryset.
                field.widget.choices = [choice for choice in field.choices]  # noqa: C416

    def prefetch_rows(self, formset):
        rows = defaultdict(list)  # field name: the rows' bound fields
        for row in formset.forms:
            self.read_choices_once(row)
            for name, field in row.fields.items():
                if isinstance(field.widget, BaseChooser):
                    rows[name].append(row[name])
        for bound_fields in rows.values():
            widget = bound_fields[0].field.widget
            ids = {str(bound.value()) for bound in bound_fields if bound.value() not in (None, "")}
            found = fetch_together(widget.model_class, ids, pages=isinstance(widget, AdminPageChooser))
            for bound in bound_fields:
                remember_instances(bound.field.widget, found)


class PageEditForm(FewerQueriesMixin, WagtailAdminPageForm):
    """Every page's admin form (`BasePage.base_form_class`)."""
