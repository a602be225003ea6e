"""The brand colour editors choose in "Dati dell'organizzazione": its validation (white text on it must
stay readable, WCAG 2.1 AA) and the stylesheet `/tema.css` that hands it to site.css as custom
properties. The colour reaches the browser only through that stylesheet: the Content-Security-Policy
allows no inline style."""

import hashlib
import re

from django.core.exceptions import ValidationError

DEFAULT_BRAND_COLOUR = "#0b4f8a"
MIN_CONTRAST_WITH_WHITE = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}\Z")
# The pale grey behind filters, boxes and facts (site.css --c-bg-alt): links there must stay readable too.
ALT_BACKGROUND = "#f4f6f8"


def rgb(hex_code):
    return tuple(int(hex_code[i : i + 2], 16) for i in (1, 3, 5))


def hex_of(channels):
    return "#" + "".join(f"{round(channel):02x}" for channel in channels)


def relative_luminance(hex_code):
    def linear(channel):
        channel /= 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb(hex_code))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first, second):
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(hex_code, other, share_of_other):
    return hex_of(a + (b - a) * share_of_other for a, b in zip(rgb(hex_code), rgb(other), strict=True))


def validate_brand_colour(value):
    """A colour written as #rrggbb on which white text (buttons, header) reaches 4.5:1."""
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError("Scrivi il colore in esadecimale, con il cancelletto e sei cifre: per esempio #0b4f8a.")
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < MIN_CONTRAST_WITH_WHITE:
        shown = f"{ratio:.2f}".replace(".", ",")
        raise ValidationError(
            f"Il testo bianco su questo colore ha un contrasto di {shown}:1, inferiore al minimo di 4,5:1 "
            "richiesto per l'accessibilità: scegli un colore più scuro."
        )


def palette(brand):
    """The custom properties site.css builds on: the colour, a darker shade for hover and the menu
    bar, a pale tint for backgrounds, and a link colour readable on white and on the pale grey."""
    brand = brand.lower()
    dark = mix(brand, "#000000", 0.25)
    link = brand if contrast_ratio(brand, ALT_BACKGROUND) >= MIN_CONTRAST_WITH_WHITE else dark
    return {
        "--c-primary": brand,
        "--c-primary-dark": dark,
        "--c-primary-light": mix(brand, "#ffffff", 0.9),
        "--c-link": link,
    }


def stylesheet(brand):
    declarations = "".join(f"{name}:{value};" for name, value in palette(brand).items())
    return f":root{{{declarations}}}\n"


def version(brand):
    """A short fingerprint of the stylesheet, put in its URL so browsers may keep it for a year."""
    return hashlib.sha256(stylesheet(brand).encode()).hexdigest()[:12]
