"""The cookie registry's usual texts, named for the English catalogue.

Groups and cookies are rows of django-cookie-consent's models and the banner's texts a site
setting, all typed in Italian. Rather than a second set of fields, the texts the site ships with
(the settings' defaults and the demo's registry, demo/data/consent.yaml) are msgids here: the
templates show a row's text through `{% translate %}` (or `known_text`), so an English page reads
the English of a known text and any other text as the editor wrote it. An editor who changes one
adds the new text here and to consent/locale/en (docs/translations.md, "Interface strings")."""

from django.utils.translation import gettext_noop

KNOWN_TEXTS = [
    # The banner's defaults (site_settings.py).
    gettext_noop("Rispettiamo la tua privacy"),
    gettext_noop(
        "Usiamo cookie tecnici necessari e, solo con il tuo consenso, statistiche anonime e contenuti di terze "
        "parti (video e mappe). Chiudendo il banner rifiuti i cookie non necessari."
    ),
    # Groups: names and descriptions.
    gettext_noop("Cookie tecnici necessari"),
    gettext_noop("Servono a far funzionare il sito, a ricordare le tue scelte sui cookie e a proteggere i moduli."),
    gettext_noop("Statistiche"),
    gettext_noop(
        "Contiamo le pagine visitate in forma aggregata, senza cookie e senza dati che ti identifichino, per capire "
        "quali contenuti sono utili."
    ),
    gettext_noop("Video e mappe di terze parti"),
    gettext_noop("Video (YouTube, Vimeo) e mappe incorporati nelle pagine: i fornitori possono usare cookie propri."),
    # Cookies: what each is for, who sets it, how long it lasts.
    gettext_noop("Ricorda le tue scelte sui cookie e l'ID anonimo del consenso."),
    gettext_noop("Protegge i moduli da invii contraffatti."),
    gettext_noop("Mantiene l'accesso della redazione all'area riservata."),
    gettext_noop("Usato da YouTube per le statistiche dei video visti."),
    gettext_noop("Usato da YouTube per stimare la banda e le preferenze."),
    gettext_noop("Usato da Vimeo per le statistiche dei video visti."),
    gettext_noop("ASAP (prima parte)"),
    gettext_noop("Sessione"),
    gettext_noop("2 settimane"),
    gettext_noop("6 mesi"),
    gettext_noop("1 anno"),
    gettext_noop("2 anni"),
]
