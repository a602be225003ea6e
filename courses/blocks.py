"""The course description: the editorial blocks every page has, plus a programme of modules."""

from wagtail import blocks

from core.blocks import BodyStreamBlock


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
