"""The fixed lists a course is described with."""

from django.db import models


class Area(models.TextChoices):
    EUROPEAN_DESIGN = "progettazione", "Progettazione europea"
    MANAGEMENT = "gestione", "Gestione e rendicontazione"
    PROCUREMENT = "appalti", "Appalti e contratti pubblici"
    MONITORING = "monitoraggio", "Monitoraggio e valutazione"
    INCLUSION = "inclusione", "Inclusione sociale e immigrazione"
    DIGITAL = "digitale", "Competenze digitali"
    SAFETY = "sicurezza", "Salute e sicurezza sul lavoro"


class DeliveryMode(models.TextChoices):
    IN_PERSON = "presenza", "In presenza"
    ONLINE_LIVE = "online", "Online live"
    E_LEARNING = "elearning", "E-learning"
    BLENDED = "blended", "Blended"


class Level(models.TextChoices):
    BASE = "base", "Base"
    INTERMEDIATE = "intermedio", "Intermedio"
    ADVANCED = "avanzato", "Avanzato"


class Certificate(models.TextChoices):
    NONE = "", "Nessuno"
    ATTENDANCE = "frequenza", "Attestato di frequenza"
    ASSESSMENT = "verifica", "Attestato con verifica dell'apprendimento"
    BADGE = "badge", "Open badge"
    CREDITS = "crediti", "Crediti formativi"
