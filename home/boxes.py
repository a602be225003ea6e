"""The "Corsi" and "Progetti" boxes that every page shows. Whatever feeds a box (editor picks, or
a catalogue's latest entries) hands the templates the same small `BoxEntry`."""

from dataclasses import dataclass


@dataclass(frozen=True)
class BoxEntry:
    title: str
    url: str
    description: str = ""
    meta: str = ""


def entries_from_picks(picks, request=None):
    return [
        BoxEntry(
            title=pick.link_title,
            url=pick.page.get_url(request) if pick.page else pick.url,
            description=pick.link_description,
        )
        for pick in picks
    ]
