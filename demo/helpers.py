"""What every demo loader shares: reading a data file, pictures and logos drawn with Pillow, pages
found by slug or created, menu entries, and StreamField content written in the data files' short
form. Everything is found before it is created, so that a second run creates nothing."""

import io
import math
from decimal import Decimal
from pathlib import Path

import yaml
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageColor, ImageDraw
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.rich_text import RichText

from core.site_settings import NavigationItem, NavigationSettings
from home.models import HomePage

DATA = Path(__file__).resolve().parent / "data"


def read(name):
    """The parsed data file `demo/data/<name>.yaml`."""
    with open(DATA / f"{name}.yaml", encoding="utf-8") as file:
        return yaml.safe_load(file)


# Pictures and files


def colour(hex_code):
    return ImageColor.getrgb(hex_code)


def gradient(draw, size, start, end, vertical=False):
    width, height = size
    steps = height if vertical else width
    for step in range(steps):
        shade = tuple(int(a + (b - a) * step / steps) for a, b in zip(start, end, strict=True))
        line = [(0, step), (width, step)] if vertical else [(step, 0), (step, height)]
        draw.line(line, fill=shade)


def stored_image(title, description, picture, filename, **fields):
    """The image called `title`, saved from the Pillow `picture` the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    if filename.endswith(".png"):
        picture.save(buffer, format="PNG")
    else:
        picture.save(buffer, format="JPEG", quality=80)
    image = Image(title=title, description=description, **fields)
    image.file.save(filename, ImageFile(buffer, name=filename), save=False)
    image.save()
    return image


def svg_image(title, description, filename):
    """The image called `title`, uploaded from the SVG file `demo/data/<filename>` the first time."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    image = Image(title=title, description=description)
    with open(DATA / filename, "rb") as file:
        image.file.save(filename, ImageFile(file, name=filename), save=False)
    image.save()
    return image


def site_image(key):
    """A picture of images.yaml: an illustration (`kind: illustration`) or a horizontal gradient with a
    ring of circles, its focal point on the ring."""
    data = read("images")[key]
    if data.get("kind") == "illustration":
        return stored_image(data["title"], data["description"], illustration(data["colours"]), f"{key}.jpg")
    start, end, accent = (colour(code) for code in data["colours"])
    size = width, height = 1600, 900
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    gradient(draw, size, start, end)
    for i in range(12):
        angle = i * math.pi / 6
        cx = width * 0.65 + math.cos(angle) * width * 0.18
        cy = height * 0.5 + math.sin(angle) * height * 0.3
        radius = 30 + 10 * (i % 4)
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=accent, width=6)
    return stored_image(
        data["title"],
        data["description"],
        picture,
        f"{key}.jpg",
        focal_point_x=int(width * 0.65),
        focal_point_y=height // 2,
        focal_point_width=int(width * 0.4),
        focal_point_height=int(height * 0.6),
    )


def illustration(colours, size=(1600, 920), scale=2):
    """A flat editorial picture in four colours (deep, brand, accent, pale): a sky, discs, a portico with
    columns, rising bars and a line chart that climbs. Drawn at twice the size, then reduced (smooth edges)."""
    deep, brand, accent, pale = (colour(code) for code in colours)
    white = (255, 255, 255)
    width, height = size[0] * scale, size[1] * scale

    def px(*values):
        return [int(value * scale) for value in values]

    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture, "RGBA")
    gradient(draw, (width, height), pale, colour("#b9d0e8"), vertical=True)
    draw.ellipse(px(900, -260, 1900, 740), fill=brand)
    draw.ellipse(px(1060, -100, 1740, 580), fill=deep)
    draw.ellipse(px(-260, 560, 380, 1200), fill=accent)
    draw.ellipse(px(1180, 620, 1420, 860), fill=accent)
    for column in range(8):
        for row in range(5):
            x, y = 120 + column * 44, 120 + row * 44
            draw.ellipse(px(x - 5, y - 5, x + 5, y + 5), fill=brand + (150,))
    draw.rectangle(px(0, 800, size[0], size[1]), fill=deep)
    draw.polygon([tuple(px(420, 470)), tuple(px(700, 360)), tuple(px(980, 470))], fill=white)
    draw.polygon([tuple(px(520, 455)), tuple(px(700, 388)), tuple(px(880, 455))], fill=pale)
    draw.rectangle(px(440, 470, 960, 500), fill=white)
    draw.rectangle(px(440, 500, 960, 512), fill=brand + (90,))
    for i in range(6):
        x = 465 + i * 88
        draw.rectangle(px(x, 520, x + 46, 770), fill=white)
        draw.rectangle(px(x + 32, 520, x + 46, 770), fill=pale)
    draw.rectangle(px(420, 770, 980, 800), fill=white)
    for i, bar in enumerate([120, 190, 260, 350]):
        x = 1090 + i * 95
        draw.rounded_rectangle(px(x, 800 - bar, x + 62, 800), radius=10 * scale, fill=white)
    points = [(120, 700), (300, 620), (460, 655), (640, 520), (860, 560), (1120, 380), (1460, 250)]
    draw.line([tuple(px(x, y)) for x, y in points], fill=accent, width=10 * scale, joint="curve")
    for x, y in points:
        draw.ellipse(px(x - 20, y - 20, x + 20, y + 20), fill=white, outline=accent, width=8 * scale)
    return picture.resize(size, PILImage.LANCZOS)


def cover_image(title, colours):
    """A project's picture: a vertical gradient between two colours with a row of rising squares."""
    size = 1200, 675
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    gradient(draw, size, *(colour(code) for code in colours), vertical=True)
    for i in range(6):
        draw.rectangle((80 + i * 170, 420 - i * 45, 200 + i * 170, 600), outline=(255, 255, 255), width=5)
    return stored_image(title, "Composizione astratta", picture, "progetto.jpg")


def logo_image(name, hex_code):
    """A square logo with the initials of `name` in white on its colour."""
    picture = PILImage.new("RGB", (240, 240), colour(hex_code))
    draw = ImageDraw.Draw(picture)
    initials = "".join(word[0] for word in name.replace("'", " ").split() if word[0].isupper())[:3]
    draw.rectangle((12, 12, 228, 228), outline=(255, 255, 255), width=6)
    draw.text((120, 120), initials, fill=(255, 255, 255), anchor="mm", font_size=72)
    return stored_image(f"Logo {name}", f"Logo di {name}", picture, f"logo-{slugify(name)[:40]}.png")


def mark_image(text, hex_code):
    """A wide logo for the mandatory strips: a round mark and `text` in its colour, on white."""
    height, font_size = 160, 44
    probe = ImageDraw.Draw(PILImage.new("RGB", (1, 1)))
    width = int(probe.textlength(text, font_size=font_size)) + height + 40
    picture = PILImage.new("RGB", (width, height), (255, 255, 255))
    draw = ImageDraw.Draw(picture)
    ink = colour(hex_code)
    draw.ellipse((20, 20, height - 20, height - 20), fill=ink)
    draw.ellipse((52, 52, height - 52, height - 52), outline=(255, 255, 255), width=8)
    draw.text((height, height // 2), text, fill=ink, anchor="lm", font_size=font_size)
    return stored_image(f"Logo {text} (striscia)", f"Logo di {text}", picture, f"striscia-{slugify(text)[:40]}.png")


def text_document(title, filename, content):
    """The document called `title`, written from `content` the first time."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title)
    document.file.save(filename, ContentFile(content.encode("utf-8")), save=False)
    document.save()
    return document


# Pages


def home_page():
    return HomePage.objects.first()


def child_page(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def add_page(parent, page):
    """Publish `page` under `parent`. A childless page of another type that an older demo left at the
    same address (the plain page the generated cookie policy replaced) gives way."""
    for leftover in parent.get_children().filter(slug=page.slug, numchild=0):
        leftover.delete()
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_page(parent, model, fields):
    """(page, created): the `model` page with this slug under `parent`, created from `fields` if missing."""
    page = child_page(parent, model, fields["slug"])
    if page:
        return page, False
    return add_page(parent, model(**field_values(model, fields))), True


def field_values(model, data):
    """`data` ready for `model(**values)`: amounts written as numbers become decimals with the field's places."""
    values = {}
    for name, value in data.items():
        field = model._meta.get_field(name)
        if isinstance(field, models.DecimalField) and value is not None:
            value = Decimal(str(value)).quantize(Decimal(1).scaleb(-field.decimal_places))
        values[name] = value
    return values


def stream(blocks):
    """StreamField content from the short form of the data files (see demo/data/pages.yaml)."""
    content = []
    for block in blocks:
        ((kind, value),) = block.items()
        if kind == "paragraph":
            value = RichText(value)
        elif kind == "heading":
            value = {"text": value, "level": "h2"}
        elif kind == "image":
            value = {
                "image": {"image": site_image(value), "decorative": True, "alt_text": ""},
                "caption": "",
                "credit": "",
            }
        elif kind == "table":
            table = {"first_row_is_table_header": True, "first_col_is_header": True, "data": value["rows"]}
            value = {"caption": value["caption"], "table": table}
        content.append((kind, value))
    return content


# Menu


def add_to_menu(page):
    """Append `page` to the main menu of the site it belongs to, unless it is there already."""
    navigation = NavigationSettings.for_site(page.get_site())
    if navigation.items.filter(page=page).exists():
        return False
    NavigationItem.objects.create(settings=navigation, page=page, sort_order=navigation.items.count())
    return True
