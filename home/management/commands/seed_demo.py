from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = "Crea i contenuti dimostrativi (idempotente: una seconda esecuzione non cambia nulla)."

    def handle(self, *args, **options):
        # Every project app may ship a `demo` module with a `seed(stdout)` function; they run in
        # INSTALLED_APPS order after `home`, which builds the site the others hang their pages on.
        configs = sorted(apps.get_app_configs(), key=lambda config: config.label != "home")
        for app_config in configs:
            in_project = app_config.path.startswith(str(settings.BASE_DIR))
            if in_project and module_has_submodule(app_config.module, "demo"):
                with transaction.atomic():
                    import_module(f"{app_config.name}.demo").seed(self.stdout)
