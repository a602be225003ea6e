"""What an uploaded image must be before it is stored: an image the site can actually read (a
truncated or garbage GIF is refused with a form error, not a 500 when Pillow first opens it) and, for
SVG, a drawing and nothing else.

SVG is XML that a browser runs as a page when it is opened on its own; the site's headers sandbox it
(`core.storage.file_headers`, deploy/nginx/asap.conf), but a bucket or another proxy may not, so an
SVG is accepted only when everything in it is on a whitelist: SVG drawing elements (plus the metadata
of Inkscape, Illustrator and Creative Commons), no event handler, no reference outside the file except
embedded raster images. No maintained SVG sanitiser is installed, and rewriting a logo would change it
silently; refusing with the reason lets the editor export a plain SVG. defusedxml (already a dependency)
parses it, refusing entity tricks."""

import re

from defusedxml import ElementTree
from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

SVG = "http://www.w3.org/2000/svg"
METADATA = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://creativecommons.org/ns#",
    "http://web.resource.org/cc/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/AdobeSVGViewerExtensions/3.0/",
    "http://ns.adobe.com/Extensibility/1.0/",
    "http://ns.adobe.com/Graphs/1.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://ns.adobe.com/Variables/1.0/",
    "http://ns.adobe.com/xap/1.0/",
}
FILTERS = (
    "feBlend feColorMatrix feComponentTransfer feComposite feConvolveMatrix feDiffuseLighting feDisplacementMap "
    "feDistantLight feDropShadow feFlood feFuncA feFuncB feFuncG feFuncR feGaussianBlur feImage feMerge "
    "feMergeNode feMorphology feOffset fePointLight feSpecularLighting feSpotLight feTile feTurbulence"
)
DRAWING = (
    "svg g defs desc title metadata symbol use switch view path rect circle ellipse line polyline polygon "
    "text tspan textPath linearGradient radialGradient stop pattern clipPath mask marker filter image style"
)
SVG_ELEMENTS = set(DRAWING.split()) | set(FILTERS.split())
EMBEDDED_RASTER = re.compile(r"^\s*data:image/(png|jpeg|gif|webp);base64,", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?\s*(?!#)", re.IGNORECASE)
ACTIVE_TEXT = re.compile(r"javascript:|@import|expression\(|<\?xml-stylesheet", re.IGNORECASE)


def _local(name):
    namespace, _, local = name[1:].partition("}") if name.startswith("{") else ("", "", name)
    return namespace, local


def svg_problem(data):
    """Why these bytes are not a plain SVG drawing (Italian, for the form), or None."""
    try:
        root = ElementTree.fromstring(data, forbid_dtd=False)
    except Exception:  # (malformed XML, entities, external DTD: all the same to the editor)
        return "il file non è un'immagine SVG valida (XML non leggibile o con entità)"
    if root.tag != f"{{{SVG}}}svg":
        return "il file non è un'immagine SVG (manca l'elemento <svg> iniziale)"
    if ACTIVE_TEXT.search(data.decode("utf-8", "replace")):
        return "contiene codice attivo (javascript:, @import o un foglio di stile esterno)"
    for element in root.iter():
        namespace, tag = _local(element.tag)
        if namespace not in METADATA and (namespace != SVG or tag not in SVG_ELEMENTS):
            return f"contiene l'elemento <{tag}>, che non fa parte di un disegno (script, contenuti incorporati)"
        if tag == "style" and CSS_URL.search(element.text or ""):
            return "lo stile richiama un indirizzo esterno"
        for name, value in element.attrib.items():
            _, attribute = _local(name)
            if attribute.lower().startswith("on"):
                return f"contiene un gestore di eventi ({attribute})"
            if attribute == "href" and not (value.strip().startswith("#") or EMBEDDED_RASTER.match(value)):
                return "contiene un collegamento a un file esterno"
            if CSS_URL.search(value):
                return "richiama un indirizzo esterno"
    return None


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, which also reads the whole picture (Pillow) or checks the SVG."""

    def to_python(self, data):
        try:
            f = super().to_python(data)
        except ValidationError:
            raise
        except Exception as exc:  # (Pillow's errors for a file it cannot identify)
            raise self.unreadable() from exc
        if f is None or not hasattr(data, "seek"):
            return f
        data.seek(0)
        if f.image.format_name == "svg":
            problem = svg_problem(data.read())
            if problem:
                raise ValidationError(
                    "Questo SVG non può essere caricato: %(problem)s. Esportalo di nuovo come SVG semplice, "
                    "senza script, eventi né collegamenti esterni.",
                    code="unsafe_svg",
                    params={"problem": problem},
                )
        else:
            try:
                with PILImage.open(data) as picture:
                    picture.load()
            except Exception as exc:  # (truncated, corrupt: any decoder error)
                raise self.unreadable() from exc
        data.seek(0)
        return f

    def unreadable(self):
        return ValidationError(
            "Il file non è un'immagine leggibile: è danneggiato o incompleto. Formati accettati: %(formats)s.",
            code="invalid_image",
            params={"formats": self.supported_formats_text},
        )


class ImageForm(BaseImageForm):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: every image form of the admin (single and multiple upload,
    edit) with the checked file field."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            field = self.fields["file"]
            self.fields["file"] = CheckedImageField(label=field.label, required=field.required, widget=field.widget)
