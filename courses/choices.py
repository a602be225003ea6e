"""The fixed lists a course is described with."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Area(models.TextChoices):
    EUROPEAN_DESIGN = "progettazione", _("Progettazione europea")
    MANAGEMENT = "gestione", _("Gestione e rendicontazione")
    PROCUREMENT = "appalti", _("Appalti e contratti pubblici")
    MONITORING = "monitoraggio", _("Monitoraggio e valutazione")
    INCLUSION = "inclusione", _("Inclusione sociale e immigrazione")
    DIGITAL = "digitale", _("Competenze digitali")
    SAFETY = "sicurezza", _("Salute e sicurezza sul lavoro")


class DeliveryMode(models.TextChoices):
    IN_PERSON = "presenza", _("In presenza")
    ONLINE_LIVE = "online", _("Online live")
    E_LEARNING = "elearning", _("E-learning")
    BLENDED = "blended", _("Blended")


class Level(models.TextChoices):
    BASE = "base", _("Base")
    INTERMEDIATE = "intermedio", _("Intermedio")
    ADVANCED = "avanzato", _("Avanzato")


class Certificate(models.TextChoices):
    NONE = "", _("Nessuno")
    ATTENDANCE = "frequenza", _("Attestato di frequenza")
    ASSESSMENT = "verifica", _("Attestato con verifica dell'apprendimento")
    BADGE = "badge", _("Open badge")
    CREDITS = "crediti", _("Crediti formativi")
