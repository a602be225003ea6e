from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class CoreConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Sito"

    def ready(self):
        from .admin_inputs import register_italian_inputs

        register_italian_inputs()


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our user list (core/users.py); listed in INSTALLED_APPS instead of
    "wagtail.users"."""

    user_viewset = "core.users.UserViewSet"
