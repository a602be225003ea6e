"""The newsletter's topics in the admin ("Argomenti newsletter"), so staff add what their readers ask
for (a territory, say "Campania") without a developer: a new topic appears at once in the sign-up
and preferences forms and in an issue's *Argomenti*. Moderatori add and change topics (migration
0003); deleting one, which takes it from every subscriber's choice, is left to superusers."""

from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Topic


class TopicViewSet(ModelViewSet):
    model = Topic
    icon = "tag"
    menu_label = "Argomenti newsletter"
    menu_order = 259
    add_to_admin_menu = True
    name = "newsletter_topics"
    copy_view_enabled = False
    form_fields = ["name", "name_en", "slug", "sort_order"]
    list_display = [
        TitleColumn("name", label="Nome", url_name="newsletter_topics:edit"),
        Column("name_en", label="Nome in inglese"),
        Column("slug", label="Codice"),
        Column("sort_order", label="Ordine"),
    ]


topic_viewset = TopicViewSet()
