from django.core.management.base import BaseCommand
from django.db import transaction

from demo.loaders import (
    accessibility,
    consent,
    courses,
    english,
    events,
    menu,
    news,
    newsletter,
    opendata,
    pages,
    projects,
    search,
    settings,
    transparency,
)

# Pages first: the others hang their pages on the home page; the menu and the settings point at
# pages of every area, so they come last (the register adds its own entry after the menu's). The
# English translations of Italian pages come after everything Italian.
LOADERS = [
    pages,
    search,
    projects,
    consent,
    courses,
    news,
    events,
    newsletter,
    menu,
    transparency,
    accessibility,
    opendata,
    settings,
    english,
]


class Command(BaseCommand):
    help = "Crea i contenuti dimostrativi (idempotente: una seconda esecuzione non cambia nulla)."

    def handle(self, *args, **options):
        for loader in LOADERS:
            with transaction.atomic():
                created = loader.seed()
            area = loader.__name__.rpartition(".")[2]
            self.stdout.write(
                f"{area}: {created} elementi creati" if created else f"{area}: già presente, nulla da fare"
            )
