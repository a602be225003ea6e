"""StreamField blocks for editorial pages. Each block renders from its own template under
`home/templates/blocks/`, so other apps can reuse `BodyStreamBlock` and get the same markup."""

import re
from urllib.parse import urlparse

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from . import csp

IFRAME_SRC_RE = re.compile(r"""<iframe\b[^>]*\bsrc=["']([^"']+)""", re.IGNORECASE)

TABLE_OPTIONS = {
    "contextMenu": [
        "row_above",
        "row_below",
        "---------",
        "col_left",
        "col_right",
        "---------",
        "remove_row",
        "remove_col",
        "---------",
        "undo",
        "redo",
    ],
    "language": "it-IT",
}

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class IndexedFieldsMixin:
    """Only the named children's text goes into the search index, and so into result summaries: a
    choice's label ("Titolo di sezione (H2)") or a button's wording is not what a page is about."""

    indexed_fields = ()

    def get_searchable_content(self, value):
        return [
            text
            for name in self.indexed_fields
            for text in self.child_blocks[name].get_searchable_content(value.get(name))
        ]


class HeadingBlock(IndexedFieldsMixin, blocks.StructBlock):
    indexed_fields = ("text",)

    text = blocks.CharBlock(label="Testo", max_length=200)
    level = blocks.ChoiceBlock(
        label="Livello",
        choices=[("h2", "Titolo di sezione (H2)"), ("h3", "Sottotitolo (H3)")],
        default="h2",
        help_text="Usa H2 per le sezioni e H3 al loro interno: i lettori di schermo navigano così.",
    )

    class Meta:
        icon = "title"
        label = "Titolo"
        template = "blocks/heading.html"


ALT_TEXT_HELP = (
    "Che cosa mostra l'immagine, per chi non la vede (lo leggono i lettori di schermo), per esempio "
    "«Operatrice allo sportello con due cittadine». Se resta vuoto si usa la descrizione dell'immagine."
)


def image_block(**kwargs):
    """Wagtail's image with alt text, its parts labelled in Italian ("Image" would show otherwise)."""
    block = ImageBlock(**kwargs)
    block.child_blocks["image"].label = "Immagine"
    block.child_blocks["alt_text"].field.help_text = ALT_TEXT_HELP
    return block


class CaptionedImageBlock(blocks.StructBlock):
    image = image_block(label="Immagine")
    caption = blocks.CharBlock(label="Didascalia", required=False, max_length=255)
    credit = blocks.CharBlock(label="Crediti", required=False, max_length=255)

    class Meta:
        icon = "image"
        label = "Immagine"
        template = "blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label="Citazione")
    attribution = blocks.CharBlock(label="Autore o fonte", required=False, max_length=255)

    class Meta:
        icon = "openquote"
        label = "Citazione"
        template = "blocks/quote.html"


class CallToActionBlock(IndexedFieldsMixin, blocks.StructBlock):
    indexed_fields = ("title", "text")

    title = blocks.CharBlock(label="Titolo", max_length=120)
    text = blocks.TextBlock(label="Testo", required=False)
    page = blocks.PageChooserBlock(label="Pagina interna", required=False)
    url = blocks.URLBlock(label="Oppure indirizzo esterno", required=False)
    button_label = blocks.CharBlock(label="Testo del pulsante", max_length=60)

    class Meta:
        icon = "pick"
        label = "Invito all'azione"
        template = "blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Indica una pagina interna oppure un indirizzo esterno, non entrambi.")
                }
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label="Documento")
    label = blocks.CharBlock(
        label="Testo del collegamento",
        required=False,
        help_text="Se vuoto si usa il titolo del documento.",
    )

    class Meta:
        icon = "doc-full"
        label = "Documento"
        template = "blocks/document_link.html"


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label="Titolo della tabella",
        help_text="Descrive la tabella a chi usa un lettore di schermo.",
    )
    table = TableBlock(label="Tabella", table_options=TABLE_OPTIONS)

    class Meta:
        icon = "table"
        label = "Tabella"
        template = "blocks/table.html"


class ConsentEmbedBlock(blocks.StructBlock):
    """A video or map from a third party. It is rendered inert (a link and a click-to-load placeholder)
    so that nothing is requested from the provider before the visitor agrees."""

    embed = EmbedBlock(label="Indirizzo del video o della mappa", help_text="Ad esempio un link YouTube o Vimeo.")
    title = blocks.CharBlock(label="Titolo", max_length=200, help_text="Descrive il contenuto incorporato.")

    class Meta:
        icon = "media"
        label = "Video o mappa"
        template = "blocks/embed.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        host = urlparse(value["embed"].url).hostname or ""
        context["provider"] = host.removeprefix("www.")
        # the provider's HTML (from Wagtail's embed cache), shown only after a click or consent
        context["embed_html"] = value["embed"].html if value["embed"] else ""
        # the page's Content-Security-Policy lets in the provider's frame, and only on this page
        frame = IFRAME_SRC_RE.search(context["embed_html"])
        if frame:
            csp.allow((parent_context or {}).get("request"), {"frame-src": [csp.origin(frame.group(1))]})
        return context


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(label="Testo", features=RICH_TEXT_FEATURES, template="blocks/paragraph.html")
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    table = CaptionedTableBlock()
    embed = ConsentEmbedBlock()
