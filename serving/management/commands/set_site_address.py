from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Imposta nome host e porta del sito predefinito come in WAGTAILADMIN_BASE_URL, così gli indirizzi "
        "completi (canonical, sitemap, feed, e-mail) puntano dove il sito risponde. Lo esegue `make run`; in produzione va eseguito dopo `migrate` a ogni rilascio."
    )

    def handle(self, *args, **options):
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        port = address.port or (443 if address.scheme == "https" else 80)
        updated = Site.objects.filter(is_default_site=True).update(hostname=address.hostname, port=port)
        if not updated:
            self.stderr.write("Nessun sito predefinito da aggiornare.")
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(f"Sito: {base}/  Amministrazione: {base}/admin/")
