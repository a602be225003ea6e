"""docs/editors-guide.md as HTML for the admin. The guide uses a small part of Markdown (headings,
paragraphs, lists, bold, italic, code, links), so a few rules render it without a new dependency."""

import html
import re
from pathlib import Path

from django.conf import settings
from django.utils.safestring import mark_safe

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "editors-guide.md"

INLINE = [
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
    (re.compile(r"\*\*([^*]+)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\w*])\*([^*\s][^*]*)\*(?![\w*])"), r"<em>\1</em>"),
    (re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)"), r'<a href="\2">\1</a>'),
]


def inline(text):
    text = html.escape(text, quote=False)
    for pattern, replacement in INLINE:
        text = pattern.sub(replacement, text)
    return text


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def render(markdown):
    """(title, html, table of contents as (anchor, heading) of the ## sections)."""
    out, toc, title, paragraph, list_tag = [], [], "", [], None

    def flush():
        nonlocal paragraph, list_tag
        if paragraph:
            out.append(f"<p>{inline(' '.join(paragraph))}</p>")
            paragraph = []
        if list_tag:
            out.append(f"</{list_tag}>")
            list_tag = None

    for line in markdown.splitlines():
        stripped = line.strip()
        heading = re.match(r"(#{1,4}) (.*)", stripped)
        item = re.match(r"(?:[-*]|(\d+)\.) (.*)", stripped)
        if not stripped:
            flush()
        elif heading:
            flush()
            level, text = len(heading[1]), heading[2]
            if level == 1:
                title = text
                continue
            anchor = slug(text)
            if level == 2:
                toc.append((anchor, text))
            out.append(f'<h{level} id="{anchor}">{inline(text)}</h{level}>')
        elif item:
            tag = "ol" if item[1] else "ul"
            if paragraph or list_tag != tag:
                flush()
                out.append(f"<{tag}>")
                list_tag = tag
            out.append(f"<li>{inline(item[2])}</li>")
        elif list_tag and line.startswith("  "):
            out[-1] = out[-1].removesuffix("</li>") + " " + inline(stripped) + "</li>"
        else:
            if list_tag:
                flush()
            paragraph.append(stripped)
    flush()
    return title, mark_safe("\n".join(out)), toc


def editors_guide():
    return render(GUIDE_PATH.read_text(encoding="utf-8"))
