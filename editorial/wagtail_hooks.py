from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views
from .panels import panels_for


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(panels_for(request.user))


@hooks.register("register_admin_urls")
def editors_guide_url():
    return [
        path("guida/", views.EditorsGuideView.as_view(), name="editors_guide"),
        path(
            "traduzioni/<int:translation_id>/invia/",
            views.submit_translation,
            name="editorial_submit_translation",
        ),
    ]


@hooks.register("register_help_menu_item")
def editors_guide_menu_item():
    return MenuItem(
        "Guida per la redazione", reverse("editors_guide"), icon_name="help", name="guida-redazione", order=900
    )
