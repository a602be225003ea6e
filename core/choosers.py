"""Snippet choosers an editor can finish her work in: a "Nuovo" tab creates the missing item without
leaving the page, items are listed under a readable label, and a chooser can narrow its list to what
another field of the form already says (e.g. the programmes of the chosen fund).

A SnippetViewSet opts in with `chooser_viewset_class = snippet_chooser(...)`."""

from django.apps import apps
from django.forms.models import modelform_factory
from wagtail.admin.forms.models import WagtailAdminModelForm
from wagtail.models import TranslatableMixin
from wagtail.snippets.views import chooser as snippet_chooser_views
from wagtail.snippets.widgets import AdminSnippetChooser

from .translatable import SOURCE_ROWS


class LinkedFieldsMixin:
    """Filter the list by the ids another field of the page passed in the URL (`linked_fields` on
    the widget), start the creation form from the same values, and show `display_title(item)`."""

    url_filter_parameters = []
    display_title = staticmethod(str)
    # Pages and snippets point at the Italian rows of a translatable snippet (`core.translatable`):
    # the modal lists only those, without Wagtail's language filter and column, so an editor never
    # picks an English row the form would then refuse.
    i18n_enabled = False

    def linked_values(self):
        return {
            name: self.request.GET[name]
            for name in self.url_filter_parameters
            if self.request.GET.get(name, "").isdigit()
        }

    def filter_object_list(self, objects):
        # Narrow the queryset before the parent searches it (search results cannot be filtered);
        # the parent would filter by any value given in the URL, so it gets none of them.
        values = self.linked_values()
        if issubclass(self.model_class, TranslatableMixin):
            objects = objects.filter(SOURCE_ROWS)
        allowed, self.url_filter_parameters = self.url_filter_parameters, []
        try:
            return super().filter_object_list(objects.filter(**values) if values else objects)
        finally:
            self.url_filter_parameters = allowed

    def get_creation_form_kwargs(self):
        kwargs = super().get_creation_form_kwargs()
        kwargs.setdefault("initial", {}).update(self.linked_values())
        kwargs["for_user"] = self.request.user  # a creation form may add what the user may add (a logo)
        # The page behind the modal may have fields with the same names (and so the same ids).
        kwargs["auto_id"] = f"id_new_{self.model_class._meta.model_name}_%s"
        return kwargs

    def get_display_title(self, instance):
        return self.display_title(instance)

    @property
    def title_column(self):
        column = super().title_column
        column.accessor, column.label = self.display_title, "Nome"
        return column


class ChooseView(LinkedFieldsMixin, snippet_chooser_views.ChooseView):
    pass


class ChooseResultsView(LinkedFieldsMixin, snippet_chooser_views.ChooseResultsView):
    pass


class ChosenView(LinkedFieldsMixin, snippet_chooser_views.SnippetChosenView):
    pass


class ChosenMultipleView(LinkedFieldsMixin, snippet_chooser_views.SnippetChosenMultipleView):
    pass


class CreateView(LinkedFieldsMixin, snippet_chooser_views.SnippetCreateView):
    pass


class LabelledSnippetChooser(AdminSnippetChooser):
    """The widget on the edit form: our own wording and the same label as in the modal."""

    texts = {}
    display_title_function = staticmethod(str)
    select_related = ()  # what the label reads besides the item (e.g. a programme's fund)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, text in self.texts.items():
            if name not in kwargs:
                setattr(self, name, text)

    def get_display_title(self, instance):
        return self.display_title_function(instance)

    def get_instance(self, value):
        if value is None or isinstance(value, self.model_class) or not self.select_related:
            return super().get_instance(value)
        return self.model_class.objects.select_related(*self.select_related).filter(pk=value).first()


def snippet_chooser(
    *,
    creation_fields,
    choose_one_text,
    choose_another_text,
    edit_item_text,
    creation_widgets=None,
    creation_form=WagtailAdminModelForm,
    url_filters=(),
    display_title=str,
    select_related=(),
):
    """A SnippetChooserViewSet class whose modal lists `display_title(item)`, can be filtered by
    the URL parameters in `url_filters` and has a "Nuovo" tab with `creation_fields` (foreign keys
    there need a plain select in `creation_widgets`: a chooser cannot open inside a chooser; a form
    that needs more than the model's fields, such as an upload, is given as `creation_form`)."""

    views = {
        name: type(name, (view,), {"display_title": staticmethod(display_title)})
        for name, view in {
            "ChooseView": ChooseView,
            "ChooseResultsView": ChooseResultsView,
            "ChosenView": ChosenView,
            "ChosenMultipleView": ChosenMultipleView,
            "CreateView": CreateView,
        }.items()
    }

    class ViewSet(snippet_chooser_views.SnippetChooserViewSet):
        choose_view_class = views["ChooseView"]
        choose_results_view_class = views["ChooseResultsView"]
        chosen_view_class = views["ChosenView"]
        chosen_multiple_view_class = views["ChosenMultipleView"]
        create_view_class = views["CreateView"]
        preserve_url_parameters = ["multiple", *url_filters]
        url_filter_parameters = list(url_filters)
        create_action_label = "Crea e scegli"
        create_action_clicked_label = "Creazione in corso…"
        creation_tab_label = "Nuovo"
        search_tab_label = "Cerca"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if select_related:
                self.get_object_list = lambda: self.model.objects.select_related(*select_related)
            self.choose_one_text = self.page_title = choose_one_text
            self.choose_another_text = choose_another_text
            self.edit_item_text = edit_item_text

        @property
        def creation_form_class(self):
            return modelform_factory(self.model, form=creation_form, fields=creation_fields, widgets=creation_widgets)

        @property
        def base_widget_class(self):
            return type(
                "LabelledSnippetChooser",
                (LabelledSnippetChooser,),
                {
                    "texts": {
                        "choose_one_text": choose_one_text,
                        "choose_another_text": choose_another_text,
                        "link_to_chosen_text": edit_item_text,
                    },
                    "display_title_function": staticmethod(display_title),
                    "select_related": tuple(select_related),
                },
            )

    return ViewSet


def linked_chooser(model_label, **linked_fields):
    """A widget for `FieldPanel(name, widget=...)` whose modal is narrowed by other fields of the form,
    e.g. `linked_chooser("projects.FundingProgramme", fund="#id_fund")`. Panels are declared before
    snippets are registered, so the registered chooser widget is looked up when the form is built
    (Django instantiates a widget class it is given; this one hands back the real widget)."""

    class LinkedChooser:
        def __new__(cls, *args, **kwargs):
            model = apps.get_model(model_label)
            return model.snippet_viewset.chooser_viewset.widget_class(linked_fields=linked_fields)

    return LinkedChooser
