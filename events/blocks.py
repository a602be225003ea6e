"""An event's programme: what happens at what time, one line each."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class ProgrammeItemBlock(blocks.StructBlock):
    time = blocks.TimeBlock(label=_("Ora"), required=False)
    title = blocks.CharBlock(label=_("Intervento"), max_length=200)
    speaker = blocks.CharBlock(label=_("Chi interviene"), max_length=200, required=False)

    class Meta:
        icon = "time"
        label = _("Voce del programma")


class ProgrammeBlock(blocks.StreamBlock):
    item = ProgrammeItemBlock()
    session = blocks.CharBlock(label=_("Titolo di una sessione"), max_length=120, icon="title")
