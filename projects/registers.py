"""Links to the official registers where the State and the Union publish a project's figures: OpenCUP
(from the CUP), OpenCoesione and Kohesio (addresses editors paste, checked against their domain)."""

from urllib.parse import quote, urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

OPENCUP_URL = "https://www.opencup.gov.it/portale/web/opencup/home/progetto/-/cup/{cup}"


def opencup_url(cup):
    return OPENCUP_URL.format(cup=quote(cup)) if cup else ""


@deconstructible
class DomainValidator:
    """Accepts only https addresses on `domain` or one of its subdomains."""

    def __init__(self, domain, site_name):
        self.domain = domain
        self.site_name = site_name

    def __call__(self, value):
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        if parts.scheme != "https" or not (host == self.domain or host.endswith(f".{self.domain}")):
            raise ValidationError(
                f"Incolla l'indirizzo della scheda del progetto su {self.site_name}: "
                f"deve cominciare con https:// ed essere sul sito {self.domain}."
            )

    def __eq__(self, other):
        return isinstance(other, DomainValidator) and (self.domain, self.site_name) == (other.domain, other.site_name)


def register_url_field(site_name, domain, example):
    return models.URLField(
        f"Scheda su {site_name}",
        max_length=500,
        blank=True,
        validators=[DomainValidator(domain, site_name)],
        help_text=f"Facoltativo: l'indirizzo della scheda del progetto, per esempio {example}",
    )
