"""A StreamField's heavy editors built in the browser when they are needed, not when the form loads.

A table's editor (Handsontable: 870 KB of script, some 200 ms to build on the project form) and
each paragraph's (Draftail, 30-60 ms each) were built as the edit form loaded, most of them below
the screen. Their telepath adapters are replaced here (imported by core.wagtail_hooks, once the
apps are ready): admin-lazy-widgets.js builds Wagtail's own widget when its block comes near the
screen or is clicked or focused; until then the block keeps its value in the hidden field Wagtail's
widget uses, so saving, previewing and autosave are unchanged. Rich text fields outside a
StreamField are drawn by their template and stay as they are."""

from django import forms
from wagtail.admin.rich_text.editors.draftail import DraftailRichTextArea, DraftailRichTextAreaAdapter
from wagtail.admin.staticfiles import versioned_static
from wagtail.admin.telepath import register
from wagtail.contrib.table_block.blocks import TableInput, TableInputAdapter


def lazy_widgets_media():
    return forms.Media(
        css={"all": [versioned_static("css/admin-lazy-widgets.css")]},
        js=[versioned_static("js/admin-lazy-widgets.js")],
    )


class LazyRichTextAdapter(DraftailRichTextAreaAdapter):
    """A StreamField paragraph's Draftail editor, built when needed."""

    js_constructor = "asap.widgets.LazyRichText"

    def get_media(self, widget):
        return super().get_media(widget) + lazy_widgets_media()


class LazyTableInputAdapter(TableInputAdapter):
    """Wagtail's table widget with its scripts named, not loaded: they are loaded the first time a
    table is needed."""

    js_constructor = "asap.widgets.LazyTableInput"

    def js_args(self, widget):
        scripts = {
            "css": versioned_static("table_block/css/vendor/handsontable-6.2.2.full.min.css"),
            "handsontable": versioned_static("table_block/js/vendor/handsontable-6.2.2.full.min.js"),
            "table": versioned_static("table_block/js/table.js"),
        }
        return [*super().js_args(widget), scripts]

    def get_media(self, widget):
        return self.media + lazy_widgets_media()


register(LazyTableInputAdapter(), TableInput)
register(LazyRichTextAdapter(), DraftailRichTextArea)
