"""What an issue's body is made of: free text and the site's own pages, picked with a chooser, so an
issue links to what is already published instead of copying it."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TEXT_FEATURES = ["bold", "italic", "h3", "ol", "ul", "link"]


class IssueBodyBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Testo"))
    news = blocks.PageChooserBlock(page_type="news.NewsArticlePage", label=_("Notizia o avviso"))
    course = blocks.PageChooserBlock(page_type="courses.CoursePage", label=_("Corso"))
    event = blocks.PageChooserBlock(page_type="events.EventPage", label=_("Evento"))
    project = blocks.PageChooserBlock(page_type="projects.ProjectPage", label=_("Progetto"))
