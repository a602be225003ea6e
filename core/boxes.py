"""The "Corsi" and "Progetti" boxes that every page shows. Whatever feeds a box (editor picks, or
a catalogue's latest entries) hands the templates the same small `BoxEntry`."""

from dataclasses import dataclass

from .language import localized_pages


@dataclass(frozen=True)
class BoxEntry:
    title: str
    url: str
    description: str = ""
    meta: str = ""


@dataclass(frozen=True)
class Box:
    id: str
    title: str
    entries: list


def entries_from_picks(picks, request=None):
    """Box entries from editors' picks (`LinkFields` with a `description`). On an English page a pick
    of an Italian page with an English translation shows that translation (its title and
    description: the pick's own texts are the Italian ones wagtail-localize copied); the others
    show as picked."""
    picks = list(picks)
    translated = localized_pages([pick.page for pick in picks])
    entries = []
    for pick in picks:
        if (page := translated.get(pick.page_id)) is not None:
            entries.append(BoxEntry(title=page.title, url=page.get_url(request), description=page.search_description))
            continue
        entries.append(
            BoxEntry(
                title=pick.text,
                url=pick.get_url(request),
                description=pick.description or (pick.page.search_description if pick.page else ""),
            )
        )
    return entries
