"""Demo content for the course catalogue: venues in Lazio, a dozen courses across areas and modes,
with past, running, future, full and cancelled sessions, and the "Scrivici" contact form. Dates are
relative to the day the demo is seeded, so the statuses stay varied. Only missing objects are
created: a second run changes nothing."""

import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.rich_text import RichText

from core.site_settings import NavigationItem, NavigationSettings
from home.models import HomePage
from outbox.models import ContactFormField, ContactFormPage
from projects.models import FundingProgramme, ProjectPage

from .models import (
    Area,
    Certificate,
    CourseIndexPage,
    CoursePage,
    CourseRelatedProject,
    CourseSession,
    DeliveryMode,
    Level,
    Venue,
)

ROME = ZoneInfo("Europe/Rome")

VENUES = {
    "roma": (
        "Sede ASAP",
        "Via Nazionale 89",
        "00184",
        "Roma",
        "RM",
        "Ingresso a livello strada, ascensore, bagno accessibile.",
    ),
    "roma-eur": (
        "Centro congressi EUR",
        "Viale Europa 190",
        "00144",
        "Roma",
        "RM",
        "Accesso senza barriere, posti riservati in sala.",
    ),
    "latina": ("Sala conferenze di Latina", "Via Costa 1", "04100", "Latina", "LT", "Rampa all'ingresso laterale."),
    "viterbo": (
        "Aula magna di Viterbo",
        "Via Santa Maria in Gradi 4",
        "01100",
        "Viterbo",
        "VT",
        "Ascensore fino al primo piano.",
    ),
    "frosinone": ("Centro servizi di Frosinone", "Piazza Gramsci 13", "03100", "Frosinone", "FR", ""),
    "rieti": (
        "Sala civica di Rieti",
        "Via Garibaldi 283",
        "02100",
        "Rieti",
        "RI",
        "Parcheggio riservato davanti all'ingresso.",
    ),
}


def day(offset, hour=9, minute=30):
    date = timezone.localdate() + datetime.timedelta(days=offset)
    return datetime.datetime(date.year, date.month, date.day, hour, minute, tzinfo=ROME)


def session(
    edition,
    start,
    days=1,
    venue=None,
    online=False,
    seats=25,
    taken=0,
    deadline=None,
    cancelled=False,
    schedule="9:30-13:30 e 14:30-17:30",
    platform="",
):
    return {
        "edition": edition,
        "start": day(start),
        "end": day(start + days - 1, 17, 30),
        "venue": venue,
        "is_online": online,
        "online_platform": platform or ("Zoom" if online else ""),
        "seats": seats,
        "seats_taken": taken,
        "enrolment_deadline": (timezone.localdate() + datetime.timedelta(days=deadline))
        if deadline is not None
        else None,
        "cancelled": cancelled,
        "schedule": schedule,
    }


def programme(*modules):
    return (
        "programme",
        {
            "heading": "Programma",
            "modules": [
                {"title": title, "hours": Decimal(hours), "teachers": teachers, "description": description}
                for title, hours, teachers, description in modules
            ],
        },
    )


def courses(v):
    return [
        {
            "slug": "rendicontazione-fse-plus",
            "title": "Rendicontazione dei progetti FSE+",
            "code": "ASAP-FSE-01",
            "summary": "Come si rendicontano le spese di un progetto finanziato dal Fondo sociale europeo plus: costi ammissibili, opzioni semplificate, controlli.",
            "area": Area.MANAGEMENT,
            "delivery_mode": DeliveryMode.IN_PERSON,
            "level": Level.INTERMEDIATE,
            "total_hours": Decimal("14"),
            "is_free": False,
            "fee": Decimal("280.00"),
            "fee_notes": "Esente IVA per gli enti pubblici.",
            "certificate": Certificate.ATTENDANCE,
            "funding": "FSE+",
            "sessions": [
                session("1ª edizione", 21, days=2, venue=v["roma"], deadline=14),
                session("2ª edizione", 70, days=2, venue=v["latina"]),
            ],
        },
        {
            "slug": "progettazione-europea-base",
            "title": "Progettazione europea: dall'idea alla candidatura",
            "code": "ASAP-PRG-01",
            "summary": "Leggere un bando, costruire il partenariato, scrivere obiettivi e risultati misurabili, preparare il budget.",
            "area": Area.EUROPEAN_DESIGN,
            "delivery_mode": DeliveryMode.BLENDED,
            "level": Level.BASE,
            "total_hours": Decimal("24"),
            "is_free": False,
            "fee": Decimal("390.00"),
            "certificate": Certificate.ASSESSMENT,
            "sessions": [session("Edizione primaverile", 35, days=3, venue=v["roma-eur"], online=True, seats=30)],
        },
        {
            "slug": "appalti-pnrr",
            "title": "Appalti pubblici nei progetti finanziati",
            "code": "ASAP-APP-02",
            "summary": "Il codice dei contratti pubblici applicato ai progetti con fondi europei: affidamenti, tracciabilità, conflitti di interesse.",
            "area": Area.PROCUREMENT,
            "delivery_mode": DeliveryMode.ONLINE_LIVE,
            "level": Level.ADVANCED,
            "total_hours": Decimal("8"),
            "is_free": False,
            "fee": Decimal("150.00"),
            "certificate": Certificate.CREDITS,
            "certificate_notes": "4 crediti formativi per gli iscritti agli ordini professionali convenzionati.",
            "sessions": [
                session("Edizione online", 12, days=2, online=True, seats=40, taken=40, schedule="9:00-13:00")
            ],
        },
        {
            "slug": "monitoraggio-indicatori",
            "title": "Monitoraggio e indicatori di risultato",
            "code": "ASAP-MON-01",
            "summary": "Costruire un sistema di monitoraggio: indicatori di output e di risultato, raccolta dati, rapporti per l'autorità di gestione.",
            "area": Area.MONITORING,
            "delivery_mode": DeliveryMode.IN_PERSON,
            "level": Level.INTERMEDIATE,
            "total_hours": Decimal("12"),
            "is_free": True,
            "certificate": Certificate.ATTENDANCE,
            "sessions": [
                session("Edizione di Viterbo", -2, days=5, venue=v["viterbo"], schedule="Ogni giorno 9:30-12:30")
            ],
        },
        {
            "slug": "mediazione-interculturale",
            "title": "Mediazione interculturale nei servizi pubblici",
            "code": "ASAP-INC-01",
            "summary": "Strumenti per gli operatori degli sportelli che accolgono cittadini di Paesi terzi: comunicazione, norme, rete dei servizi.",
            "area": Area.INCLUSION,
            "delivery_mode": DeliveryMode.IN_PERSON,
            "level": Level.BASE,
            "total_hours": Decimal("20"),
            "is_free": True,
            "fee_notes": "Grazie al finanziamento FAMI.",
            "certificate": Certificate.ATTENDANCE,
            "funding": "FAMI",
            "related_projects": ["fei-regione-lazio-2011", "fei-sportelli-2010"],
            "sessions": [
                session("Edizione di Latina", -120, days=3, venue=v["latina"]),
                session("Edizione di Frosinone", 45, days=3, venue=v["frosinone"], deadline=30),
            ],
        },
        {
            "slug": "competenze-digitali-pa",
            "title": "Competenze digitali per la pubblica amministrazione",
            "code": "ASAP-DIG-01",
            "summary": "Un percorso in autoapprendimento su identità digitale, PEC, firma elettronica, accessibilità dei documenti e sicurezza.",
            "area": Area.DIGITAL,
            "delivery_mode": DeliveryMode.E_LEARNING,
            "level": Level.BASE,
            "total_hours": Decimal("16"),
            "is_free": False,
            "fee": Decimal("90.00"),
            "certificate": Certificate.BADGE,
            "sessions": [
                session(
                    "Sessione autunnale",
                    10,
                    days=60,
                    online=True,
                    seats=None,
                    platform="Piattaforma e-learning ASAP",
                    schedule="In autonomia, 24 ore su 24",
                ),
            ],
        },
        {
            "slug": "sicurezza-lavoro-preposti",
            "title": "Sicurezza sul lavoro: formazione dei preposti",
            "code": "ASAP-SIC-03",
            "summary": "Il corso per i preposti previsto dall'Accordo Stato-Regioni, con verifica finale.",
            "area": Area.SAFETY,
            "delivery_mode": DeliveryMode.IN_PERSON,
            "level": Level.BASE,
            "total_hours": Decimal("12"),
            "is_free": False,
            "fee": Decimal("180.00"),
            "certificate": Certificate.ASSESSMENT,
            "sessions": [session("Edizione di Rieti", 9, days=2, venue=v["rieti"], deadline=-1)],
        },
        {
            "slug": "gestione-fondi-fami",
            "title": "Gestione dei progetti FAMI",
            "code": "ASAP-GES-02",
            "summary": "Dal decreto di finanziamento alla chiusura: cronoprogramma, variazioni, rapporti con l'autorità responsabile.",
            "area": Area.MANAGEMENT,
            "delivery_mode": DeliveryMode.ONLINE_LIVE,
            "level": Level.INTERMEDIATE,
            "total_hours": Decimal("10"),
            "is_free": True,
            "certificate": Certificate.ATTENDANCE,
            "funding": "FAMI",
            "sessions": [
                session("Edizione invernale", 25, days=2, online=True, cancelled=True, schedule="14:00-19:00")
            ],
        },
        {
            "slug": "valutazione-impatto",
            "title": "Valutazione d'impatto dei progetti sociali",
            "code": "ASAP-MON-02",
            "summary": "Metodi controfattuali e teoria del cambiamento applicati ai progetti del terzo settore.",
            "area": Area.MONITORING,
            "delivery_mode": DeliveryMode.BLENDED,
            "level": Level.ADVANCED,
            "total_hours": Decimal("18"),
            "is_free": False,
            "fee": Decimal("320.00"),
            "certificate": Certificate.ASSESSMENT,
            "sessions": [session("1ª edizione", -60, days=3, venue=v["roma"], online=True)],
        },
        {
            "slug": "budget-progetto-europeo",
            "title": "Il budget di un progetto europeo",
            "code": "ASAP-PRG-02",
            "summary": "Costi diretti e indiretti, costi del personale, cofinanziamento e regole di ammissibilità nei principali programmi.",
            "area": Area.EUROPEAN_DESIGN,
            "delivery_mode": DeliveryMode.ONLINE_LIVE,
            "level": Level.INTERMEDIATE,
            "total_hours": Decimal("6"),
            "is_free": False,
            "fee": Decimal("120.00"),
            "sessions": [
                session("Edizione di marzo", 50, days=2, online=True, schedule="9:30-12:30"),
                session("Edizione di maggio", 100, days=2, online=True, schedule="9:30-12:30"),
            ],
        },
        {
            "slug": "accoglienza-integrazione",
            "title": "Accoglienza e integrazione: il quadro normativo",
            "code": "ASAP-INC-02",
            "summary": "Testo unico sull'immigrazione, permessi di soggiorno, sistema di accoglienza e integrazione: aggiornamento per operatori.",
            "area": Area.INCLUSION,
            "delivery_mode": DeliveryMode.IN_PERSON,
            "level": Level.INTERMEDIATE,
            "total_hours": Decimal("8"),
            "is_free": True,
            "certificate": Certificate.ATTENDANCE,
            "sessions": [session("Edizione di Roma", 18, venue=v["roma"], seats=30, taken=12)],
        },
        {
            "slug": "documenti-accessibili",
            "title": "Documenti e siti accessibili",
            "code": "ASAP-DIG-02",
            "summary": "Scrivere documenti, PDF e pagine web accessibili secondo le linee guida AgID e le WCAG 2.1.",
            "area": Area.DIGITAL,
            "delivery_mode": DeliveryMode.ONLINE_LIVE,
            "level": Level.BASE,
            "total_hours": Decimal("6"),
            "is_free": False,
            "fee": Decimal("95.00"),
            "certificate": Certificate.ATTENDANCE,
            "sessions": [session("Edizione estiva", -200, days=2, online=True, schedule="9:30-12:30")],
        },
    ]


def ensure_venues():
    venues, created = {}, 0
    for key, (name, address, cap, city, province, notes) in VENUES.items():
        venues[key], was_created = Venue.objects.get_or_create(
            name=name,
            city=city,
            defaults={"address": address, "postal_code": cap, "province": province, "accessibility_notes": notes},
        )
        created += was_created
    return venues, created


def ensure_catalogue(home):
    catalogue = CourseIndexPage.objects.child_of(home).first()
    if catalogue:
        return catalogue, False
    catalogue = CourseIndexPage(
        title="Corsi di formazione",
        slug="corsi",
        intro="Corsi in presenza, online ed e-learning su progettazione, gestione e rendicontazione dei fondi "
        "pubblici, appalti, monitoraggio, inclusione e competenze digitali.",
        search_description="Il catalogo dei corsi di formazione di ASAP: date, sedi, quote e iscrizioni.",
    )
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    return catalogue, True


def course_body(fields):
    return [
        ("paragraph", RichText(f"<p>{fields['summary']}</p>")),
        programme(
            ("Il quadro di riferimento", "4", "Maria Conti", "Norme, soggetti e responsabilità."),
            ("Casi pratici", "4", "Luca Ferri", "Esercitazioni su documenti reali, in piccoli gruppi."),
            ("Verifica e confronto", str(max(int(fields["total_hours"]) - 8, 1)), "Maria Conti, Luca Ferri", ""),
        ),
    ]


def ensure_course(catalogue, fields):
    if CoursePage.objects.child_of(catalogue).filter(slug=fields["slug"]).exists():
        return False
    fields = dict(fields)
    sessions = fields.pop("sessions")
    funding = fields.pop("funding", None)
    related = fields.pop("related_projects", [])
    programme_for_course = FundingProgramme.objects.filter(fund__acronym=funding).first() if funding else None
    course = CoursePage(
        **fields,
        body=course_body(fields),
        target_audience="Funzionari di enti pubblici, operatori del terzo settore, consulenti e liberi professionisti.",
        prerequisites="Nessuno." if fields["level"] == Level.BASE else "Esperienza di base nella gestione di progetti.",
        learning_outcomes="<ul><li>Applicare le regole del programma ai casi concreti</li>"
        "<li>Preparare la documentazione richiesta dai controlli</li></ul>",
        contact_name="Segreteria formazione",
        contact_email="formazione@asap.example",
        contact_phone="+39 06 1234 5679",
        funding_programme=programme_for_course,
        search_description=fields["summary"][:160],
    )
    course.sessions = [CourseSession(sort_order=i, **s) for i, s in enumerate(sessions)]
    course.related_projects = [
        CourseRelatedProject(project=project, sort_order=i)
        for i, project in enumerate(ProjectPage.objects.filter(slug__in=related).order_by("slug"))
    ]
    catalogue.add_child(instance=course)
    course.save_revision().publish()
    return True


def ensure_contact_form(home):
    if ContactFormPage.objects.child_of(home).exists():
        return False
    page = ContactFormPage(
        title="Scrivici",
        slug="scrivici",
        intro="<p>Per domande su corsi, progetti e collaborazioni scrivici qui: ti rispondiamo entro due giorni lavorativi.</p>",
        thank_you_text="<p>Grazie: ti risponderemo al più presto all'indirizzo che ci hai indicato.</p>",
        to_address="info@asap.example",
        subject="Nuovo messaggio dal sito",
        search_description="Scrivi ad ASAP: domande su corsi, progetti e collaborazioni.",
    )
    page.form_fields = [
        ContactFormField(sort_order=0, label="Nome e cognome", field_type="singleline", required=True),
        ContactFormField(sort_order=1, label="E-mail", field_type="email", required=True),
        ContactFormField(sort_order=2, label="Ente o organizzazione", field_type="singleline", required=False),
        ContactFormField(sort_order=3, label="Messaggio", field_type="multiline", required=True),
    ]
    home.add_child(instance=page)
    page.save_revision().publish()
    return True


def ensure_menu_entry(home, page):
    navigation = NavigationSettings.objects.filter(site__root_page=home).first()
    if navigation is None or navigation.items.filter(page=page).exists():
        return False
    NavigationItem.objects.create(settings=navigation, page=page, sort_order=navigation.items.count())
    return True


def seed(stdout):
    home = HomePage.objects.first()
    if home is None:
        stdout.write("courses: nessuna home page, nulla da fare")
        return
    venues, created = ensure_venues()
    catalogue, catalogue_created = ensure_catalogue(home)
    created += catalogue_created
    for fields in courses(venues):
        created += ensure_course(catalogue, fields)
    created += ensure_contact_form(home)
    created += ensure_menu_entry(home, catalogue)
    created += ensure_menu_entry(home, ContactFormPage.objects.child_of(home).first())
    stdout.write(f"courses: {created} elementi creati" if created else "courses: già presente, nulla da fare")
