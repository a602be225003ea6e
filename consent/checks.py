"""The consent records must outlive the consent they prove: a record pruned while its cookie still
counts as consent would leave the site unable to show when and what the visitor accepted."""

from django.conf import settings
from django.core.checks import Error, register


@register("consent")
def consent_records_outlive_the_cookie(app_configs=None, **kwargs):
    retention_seconds = settings.CONSENT_RECORD_RETENTION_DAYS * 86400
    if retention_seconds >= settings.COOKIE_CONSENT_MAX_AGE:
        return []
    cookie_days = -(-settings.COOKIE_CONSENT_MAX_AGE // 86400)
    return [
        Error(
            f"CONSENT_RECORD_RETENTION_DAYS ({settings.CONSENT_RECORD_RETENTION_DAYS}) è più breve della durata "
            f"del cookie del consenso (COOKIE_CONSENT_MAX_AGE: {cookie_days} giorni): le registrazioni "
            "verrebbero cancellate mentre il consenso che dimostrano è ancora valido.",
            hint=f"Porta CONSENT_RECORD_RETENTION_DAYS ad almeno {cookie_days}.",
            id="consent.E001",
        )
    ]
