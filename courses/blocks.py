"""The course description: the editorial blocks every page has, plus a programme of modules."""

from decimal import Decimal

from wagtail import blocks

from core.blocks import BodyStreamBlock
from core.words import italian_count, italian_number


class ProgrammeModuleBlock(blocks.StructBlock):
    title = blocks.CharBlock(label="Titolo del modulo", max_length=200)
    hours = blocks.DecimalBlock(label="Ore", min_value=0, max_digits=5, decimal_places=1, required=False)
    teachers = blocks.CharBlock(label="Docenti", max_length=255, required=False)
    description = blocks.TextBlock(label="Contenuti", required=False)

    class Meta:
        icon = "list-ul"
        label = "Modulo"


class ProgrammeBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label="Titolo", max_length=120, default="Programma")
    modules = blocks.ListBlock(ProgrammeModuleBlock(), label="Moduli")

    class Meta:
        icon = "list-ol"
        label = "Programma del corso"
        template = "courses/blocks/programme.html"


class CourseBodyBlock(BodyStreamBlock):
    programme = ProgrammeBlock()


def programme_hours_mismatch(body, total_hours):
    """Why the programme's module hours disagree with the course's duration, or "": they must add
    up to it when every module has its hours, and never exceed it (`CoursePage.clean`)."""
    if total_hours is None:
        return ""
    modules = [module for block in body or [] if block.block_type == "programme" for module in block.value["modules"]]
    given = [module["hours"] for module in modules if module["hours"] is not None]
    total = sum(given, Decimal(0))
    if not given or total < total_hours and len(given) < len(modules) or total == total_hours:
        return ""
    return (
        f"La durata complessiva è di {italian_count(total_hours, 'ora', 'ore')}, ma i moduli del programma ne "
        f"sommano {italian_number(total)}: correggi la durata o le ore dei moduli."
    )
