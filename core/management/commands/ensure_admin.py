import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Garantisce che esista un amministratore. Usa DJANGO_SUPERUSER_USERNAME e DJANGO_SUPERUSER_PASSWORD "
        "se presenti, altrimenti crea 'admin' con una password casuale salvata in var/admin-credentials.txt."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        credentials_file = settings.BASE_DIR / "var" / "admin-credentials.txt"
        username = os.environ.get("DJANGO_SUPERUSER_USERNAME")
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD")
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL") or "admin@asap.example"

        if username and password:
            user, created = User.objects.get_or_create(username=username, defaults={"email": email})
            if created or not user.check_password(password) or not user.is_superuser:
                user.is_staff = user.is_superuser = True
                user.set_password(password)
                user.save()
            self._announce(username, "(la password di DJANGO_SUPERUSER_PASSWORD)")
            return

        if credentials_file.exists():
            username, password = credentials_file.read_text().split("\n", 1)[0].split(":", 1)
            if User.objects.filter(username=username, is_superuser=True).exists():
                self._announce(username, password)
                return

        username = "admin"
        password = secrets.token_urlsafe(12)
        user, _ = User.objects.get_or_create(username=username, defaults={"email": email})
        user.is_staff = user.is_superuser = True
        user.set_password(password)
        user.save()
        credentials_file.parent.mkdir(exist_ok=True)
        credentials_file.write_text(f"{username}:{password}\n")
        credentials_file.chmod(0o600)
        self._announce(username, password)

    def _announce(self, username, password):
        self.stdout.write(
            self.style.SUCCESS(
                f"Amministrazione: {settings.WAGTAILADMIN_BASE_URL}/admin/  utente: {username}  password: {password}"
            )
        )
