"""ASAP's services are a fixed list (the choices below); they live in a table only so that projects
can be filtered and counted by service with ordinary joins."""

ASAP_SERVICES = [
    ("progettazione", "Progettazione"),
    ("gestione", "Gestione"),
    ("monitoraggio", "Monitoraggio"),
    ("assistenza-tecnica", "Assistenza tecnica"),
    ("rendicontazione", "Rendicontazione"),
    ("valutazione", "Valutazione"),
    ("formazione", "Formazione"),
]


def ensure_asap_services(sender=None, using="default", **kwargs):
    from .models import AsapService

    existing = set(AsapService.objects.using(using).values_list("code", flat=True))
    missing = [
        AsapService(code=code, name=name, sort_order=order)
        for order, (code, name) in enumerate(ASAP_SERVICES)
        if code not in existing
    ]
    if missing:
        AsapService.objects.using(using).bulk_create(missing)
