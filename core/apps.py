from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class CoreConfig(AppConfig):
    default = True
    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = "Sito"

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from wagtail.models import Locale

        from .admin_inputs import register_italian_inputs
        from .language import forget_locales

        register_italian_inputs()
        post_save.connect(forget_locales, sender=Locale, dispatch_uid="core.forget_locales")
        post_delete.connect(forget_locales, sender=Locale, dispatch_uid="core.forget_locales_deleted")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our user list (core/users.py); listed in INSTALLED_APPS instead of
    "wagtail.users"."""

    user_viewset = "core.users.UserViewSet"
