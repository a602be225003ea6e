"""The kinds of article the communications office publishes; a call ("avviso o bando") also carries
a deadline. The values show in shared links (`?tipo=bando`) and in the feeds' addresses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    NEWS = "notizia", _("Notizia")
    CALL = "bando", _("Avviso o bando")
    PRESS = "comunicato", _("Comunicato stampa")


# Plural labels, for the feeds' titles and the filter.
PLURALS = {Kind.NEWS: _("Notizie"), Kind.CALL: _("Avvisi e bandi"), Kind.PRESS: _("Comunicati stampa")}
