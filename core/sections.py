"""Sections that a page of a lower app shows and a higher app fills, without the lower app knowing
it: the news app adds "Aggiornamenti" (the articles about it) to a project's page and to an
organisation's page, which `projects` must not import.

The page's template asks `{% page_sections subject %}` (library `section_tags`), where `subject` is
what the page is about (a page, or a snippet such as an organisation); every provider registered
here from its app's `AppConfig.ready()` is called as `provider(request, subject)` and returns HTML,
or "" when it has nothing to add. A provider keeps its own HTML as a shared part (`core.parts`)."""

_providers = []


def register_section(provider):
    """Add `provider(request, subject) -> str` to every page that asks for its sections."""
    if provider not in _providers:
        _providers.append(provider)
    return provider


def sections_for(request, subject):
    """The HTML of every provider's section about `subject`, in the order they were registered."""
    return [html for provider in _providers if (html := provider(request, subject))]
