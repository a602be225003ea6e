"""The page edit forms without the indentation of Wagtail's nested panel templates.

A project's edit form is some 400 KiB of HTML, and about a sixth of it is the line breaks and
indentation between tags of a dozen nested templates per panel and inline row; the browser reads
every byte before the form takes input. Here each run of white space between two tags that holds a
line break becomes that line break: the same rendering (such a run collapses to one space anyway)
and the same DOM but for those text nodes' length. Tags (their attributes) and the raw text of
`<pre>`, `<textarea>`, `<script>` and `<style>` are left as they are, so no value an editor typed
and no script changes."""

import re

# Raw text (kept as it is) between the rest.
RAW_TEXT = re.compile(
    r"(<(?:pre|textarea|script|style)\b.*?</(?:pre|textarea|script|style)\s*>)", re.DOTALL | re.IGNORECASE
)
# White space holding a line break between the end of a tag and the start of the next.
BETWEEN_TAGS = re.compile(r">[ \t\r\f]*\n[ \t\r\n\f]*<")
# The admin's page editing views: the edit and create forms (also when drawn again with errors).
PAGE_FORM_VIEWS = {"wagtailadmin_pages:edit", "wagtailadmin_pages:add"}


def compact(html):
    """`html` with each white space run between two tags that holds a line break cut to that line
    break, outside raw text (some 2 ms for a project's form)."""
    parts = RAW_TEXT.split(html)  # odd items: the raw text elements
    for n in range(0, len(parts), 2):
        # next to a raw text element, the part starts after a tag's ">" or ends before a "<"
        before, after = (">" if n else ""), ("<" if n < len(parts) - 1 else "")
        squeezed = BETWEEN_TAGS.sub(">\n<", before + parts[n] + after)
        parts[n] = squeezed[len(before) : len(squeezed) - len(after)]
    return "".join(parts)


class CompactPageFormsMiddleware:
    """Compacts the HTML of the admin's page edit and create forms (a whole, rendered response)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            match is not None
            and match.view_name in PAGE_FORM_VIEWS
            and response.status_code == 200
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
        ):
            charset = response.charset or "utf-8"
            response.content = compact(response.content.decode(charset)).encode(charset)
        return response
