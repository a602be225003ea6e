"""What a page asks the Content-Security-Policy to allow beyond the strict default: the analytics
provider an editor configured (analytics' tag) and the video or map providers of its embeds (core's
embed block) call `allow()` while the page renders; the serving runtime's middleware
(`serving.csp`) writes them into the header."""

from urllib.parse import urlsplit

EXTRA_SOURCES = "_csp_extra_sources"


def origin(url):
    """`https://host[:port]` of an absolute http(s) URL (`//host/...` counts as https); "" otherwise."""
    url = url or ""
    parts = urlsplit("https:" + url if url.startswith("//") else url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    return f"{parts.scheme}://{parts.netloc}"


def allow(request, directives):
    """Add sources to this response's policy, e.g. `allow(request, {"frame-src": ["https://x"]})`."""
    if request is None:
        return
    extra = getattr(request, EXTRA_SOURCES, None)
    if extra is None:
        extra = {}
        setattr(request, EXTRA_SOURCES, extra)
    for directive, sources in directives.items():
        extra.setdefault(directive, set()).update(source for source in sources if source)
