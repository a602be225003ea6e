"""The "Corsi" and "Progetti" boxes that every page shows. Whatever feeds a box (editor picks, or
a catalogue's latest entries) hands the templates the same small `BoxEntry`."""

from dataclasses import dataclass


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
    """Box entries from editors' picks (`LinkFields` with a `description`)."""
    return [
        BoxEntry(
            title=pick.text,
            url=pick.get_url(request),
            description=pick.description or (pick.page.search_description if pick.page else ""),
        )
        for pick in picks
    ]
