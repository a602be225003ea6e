"""Demo content for the project catalogue: the FEI project of the old site as a real project page,
with its fund, programme, responsible authority and partners, plus a varied portfolio so that every
facet has values. Only missing objects are created: a second run changes nothing."""

import datetime
import io
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.site_settings import NavigationItem, NavigationSettings
from home.models import HomePage, HomeProjectPick
from standardpages.models import ContentPage

from .models import (
    AsapService,
    Fund,
    FundingProgramme,
    Organisation,
    ProjectDocument,
    ProjectIndexPage,
    ProjectOrganisation,
    ProjectPage,
    ProjectRelatedLink,
    ProjectResult,
    Territory,
    Theme,
)

K = Organisation.Kind
R = ProjectOrganisation.Role

ORGANISATIONS = [
    # name, acronym, kind, city, website, logo colour (or None)
    (
        "Ministero dell'Interno - Dipartimento per le Libertà Civili e l'Immigrazione",
        "DLCI",
        K.MINISTRY,
        "Roma",
        "https://www.interno.gov.it",
        (0, 70, 127),
    ),
    ("Regione Lazio", "", K.REGION, "Roma", "https://www.regione.lazio.it", (140, 24, 40)),
    ("Commissione europea", "CE", K.EU_BODY, "Bruxelles", "https://commission.europa.eu", (0, 51, 153)),
    ("Ministero del Lavoro e delle Politiche Sociali", "MLPS", K.MINISTRY, "Roma", "https://www.lavoro.gov.it", None),
    ("Roma Capitale", "", K.MUNICIPALITY, "Roma", "https://www.comune.roma.it", (120, 20, 30)),
    ("Municipio Roma V", "", K.MUNICIPALITY, "Roma", "", None),
    ("Provincia di Latina", "", K.PROVINCE, "Latina", "", None),
    ("Comune di Frosinone", "", K.MUNICIPALITY, "Frosinone", "", None),
    ("Università degli Studi di Roma Tor Vergata", "", K.UNIVERSITY, "Roma", "https://web.uniroma2.it", (0, 90, 60)),
    ("Centro Studi Migrazioni Lazio", "CSML", K.UNIVERSITY, "Roma", "", None),
    ("Cooperativa Sociale Il Ponte", "", K.NON_PROFIT, "Roma", "", (200, 90, 20)),
    ("Associazione Casa dei Diritti", "", K.NON_PROFIT, "Latina", "", None),
    ("Fondazione Comunità Solidale", "", K.NON_PROFIT, "Viterbo", "", None),
    ("Studio Progetti Srl", "", K.COMPANY, "Roma", "", None),
]
DLCI = ORGANISATIONS[0][0]

FUNDS = [
    # acronym, name, start, end, level, total allocation, description
    (
        "FEI",
        "Fondo Europeo per l'Integrazione di cittadini di Paesi terzi",
        2007,
        2013,
        Fund.Level.EU,
        Decimal("825000000"),
        "825 milioni di euro per il periodo 2007-2013: 768 milioni distribuiti fra gli Stati membri in base al "
        "numero di cittadini di Paesi terzi regolarmente soggiornanti e 57 milioni per le azioni comunitarie. "
        "Le risorse per l'Italia ammontano a circa 103 milioni di euro.",
    ),
    (
        "FAMI",
        "Fondo Asilo, Migrazione e Integrazione",
        2014,
        2020,
        Fund.Level.EU,
        None,
        "Il fondo europeo per asilo, integrazione e rimpatri del periodo 2014-2020.",
    ),
    (
        "FSE+",
        "Fondo Sociale Europeo Plus",
        2021,
        2027,
        Fund.Level.EU,
        None,
        "Il principale strumento dell'Unione europea per l'occupazione, le competenze e l'inclusione sociale.",
    ),
    (
        "FNPM",
        "Fondo nazionale per le politiche migratorie",
        2019,
        2024,
        Fund.Level.NATIONAL,
        None,
        "Risorse nazionali per l'integrazione dei cittadini stranieri.",
    ),
    (
        "FRPS",
        "Fondo regionale per le politiche sociali del Lazio",
        2020,
        2026,
        Fund.Level.REGIONAL,
        None,
        "Risorse della Regione Lazio per i servizi sociali del territorio.",
    ),
]

THEMES = [
    ("integrazione", "Integrazione dei cittadini stranieri"),
    ("formazione-linguistica", "Formazione linguistica"),
    ("inclusione-lavorativa", "Inclusione lavorativa"),
    ("servizi-sociali", "Servizi sociali territoriali"),
    ("capacita-amministrativa", "Capacità amministrativa"),
    ("istruzione", "Istruzione"),
]

TERRITORIES = [
    ("Lazio", Territory.Level.REGION, "ITI4"),
    ("Roma Capitale", Territory.Level.MUNICIPALITY, "058091"),
    ("Provincia di Latina", Territory.Level.PROVINCE, "ITI44"),
    ("Provincia di Frosinone", Territory.Level.PROVINCE, "ITI45"),
    ("Provincia di Viterbo", Territory.Level.PROVINCE, "ITI41"),
    ("Italia", Territory.Level.COUNTRY, "IT"),
]


def logo_image(name, colour):
    """A generated square logo with the organisation's initials; nothing is downloaded."""
    Image = get_image_model()
    title = f"Logo {name}"
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = PILImage.new("RGB", (240, 240), colour)
    draw = ImageDraw.Draw(picture)
    initials = "".join(word[0] for word in name.replace("'", " ").split() if word[0].isupper())[:3]
    draw.rectangle((12, 12, 228, 228), outline=(255, 255, 255), width=6)
    draw.text((120, 120), initials, fill=(255, 255, 255), anchor="mm", font_size=72)
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, description=f"Logo di {name}")
    filename = f"logo-{slugify(name)[:40] or 'ente'}.png"
    image.file.save(filename, ImageFile(buffer, name=filename), save=False)
    image.save()
    return image


def project_image(title, colours):
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    width, height = 1200, 675
    start, end = colours
    picture = PILImage.new("RGB", (width, height))
    draw = ImageDraw.Draw(picture)
    for y in range(height):
        t = y / height
        draw.line([(0, y), (width, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(start, end, strict=True)))
    for i in range(6):
        draw.rectangle((80 + i * 170, 420 - i * 45, 200 + i * 170, 600), outline=(255, 255, 255), width=5)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    image = Image(title=title, description="Composizione astratta")
    image.file.save("progetto.jpg", ImageFile(buffer, name="progetto.jpg"), save=False)
    image.save()
    return image


def indicator_document():
    Document = get_document_model()
    title = "Indicatori FEI Lazio 2011 (CSV)"
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    content = "indicatore;obiettivo;raggiunto\nCittadini stranieri orientati;1200;1340\nOperatori formati;80;76\n"
    document = Document(title=title)
    document.file.save("indicatori-fei-lazio-2011.csv", ContentFile(content.encode("utf-8")), save=False)
    document.save()
    return document


def ensure_reference_data():
    created = 0
    organisations = {}
    for name, acronym, kind, city, website, colour in ORGANISATIONS:
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            organisation = Organisation.objects.create(
                name=name,
                acronym=acronym,
                kind=kind,
                city=city,
                website=website,
                logo=logo_image(name, colour) if colour else None,
            )
            created += 1
        organisations[name] = organisation
    funds = {}
    for acronym, name, start, end, level, total, description in FUNDS:
        funds[acronym], was_created = Fund.objects.get_or_create(
            acronym=acronym,
            period_start=start,
            defaults={
                "name": name,
                "period_end": end,
                "level": level,
                "total_allocation": total,
                "description": description,
            },
        )
        created += was_created
    themes = {}
    for slug, name in THEMES:
        themes[slug], was_created = Theme.objects.get_or_create(slug=slug, defaults={"name": name})
        created += was_created
    territories = {}
    for name, level, code in TERRITORIES:
        territories[name], was_created = Territory.objects.get_or_create(
            name=name, defaults={"level": level, "code": code}
        )
        created += was_created

    def programme(code, name, fund, level, parent=None, authority=None, start=None, end=None):
        nonlocal created
        obj, was_created = FundingProgramme.objects.get_or_create(
            fund=funds[fund],
            code=code,
            defaults={
                "name": name,
                "level": level,
                "parent": parent,
                "responsible_authority": organisations.get(authority),
                "period_start": start,
                "period_end": end,
            },
        )
        created += was_created
        return obj

    L = FundingProgramme.Level
    fei_multi = programme("PP-FEI", "Programma pluriennale FEI 2007-2013", "FEI", L.PROGRAMME, None, DLCI, 2007, 2013)
    programmes = {
        "fei": fei_multi,
        "fei-2010": programme("PA2010", "Programma annuale 2010", "FEI", L.ANNUAL, fei_multi, DLCI, 2010, 2011),
        "fei-2011": programme("PA2011", "Programma annuale 2011", "FEI", L.ANNUAL, fei_multi, DLCI, 2011, 2012),
    }
    programmes["fei-2011-a1"] = programme(
        "PA2011-AZ1",
        "Azione 1: formazione linguistica ed educazione civica",
        "FEI",
        L.ACTION,
        programmes["fei-2011"],
        DLCI,
        2011,
        2012,
    )
    programmes["fami"] = programme(
        "PN-FAMI", "Programma nazionale FAMI 2014-2020", "FAMI", L.PROGRAMME, None, DLCI, 2014, 2020
    )
    programmes["fse"] = programme(
        "PR-LAZIO-FSE+",
        "Programma regionale Lazio FSE+ 2021-2027",
        "FSE+",
        L.PROGRAMME,
        None,
        "Regione Lazio",
        2021,
        2027,
    )
    return organisations, funds, themes, territories, programmes, created


def ensure_catalogue(home):
    catalogue = ProjectIndexPage.objects.child_of(home).first()
    if catalogue:
        return catalogue, False
    catalogue = ProjectIndexPage(
        title="Progetti",
        slug="progetti",
        intro=(
            "I progetti finanziati con fondi europei, nazionali e regionali che ASAP ha progettato, gestito, "
            "monitorato e rendicontato, con i partner e i risultati. Filtra per fondo, stato, tema o territorio "
            "e scarica i dati aperti."
        ),
        search_description="Il catalogo dei progetti finanziati seguiti da ASAP: fondi, partner, importi e risultati.",
    )
    home.add_child(instance=catalogue)
    catalogue.save_revision().publish()
    return catalogue, True


def retire_fei_content_page(project):
    """The foundation's FEI content page becomes the project page: its body moved over (see
    `demo_projects`), box picks follow it, the catalogue replaces it in the menu, and its old
    address redirects."""
    old = ContentPage.objects.filter(slug="regione-lazio-fondo-fei").first()
    if old is None or project is None:
        return 0
    NavigationItem.objects.filter(page=old).delete()
    HomeProjectPick.objects.filter(page=old).update(page=project)
    Redirect.add_redirect(old.url, redirect_to=project, is_permanent=True)
    old.delete()
    return 1


def d(year, month, day):
    return datetime.date(year, month, day)


def demo_projects(org, funds, themes, territories, programmes):
    """(slug, fields, organisations by role, theme slugs, territory names, services, results)."""
    fei_page = ContentPage.objects.filter(slug="regione-lazio-fondo-fei").first()
    fei_body = fei_page.body.raw_data if fei_page else []
    return [
        (
            "fei-regione-lazio-2011",
            {
                "title": "Integrazione dei cittadini di Paesi terzi nel Lazio (FEI 2011)",
                "acronym": "FEI LAZIO 2011",
                "cup": "F89E11000160007",
                "summary": (
                    "Progettazione, gestione, monitoraggio, assistenza tecnica e rendicontazione dei progetti "
                    "della Regione Lazio finanziati dal Fondo Europeo per l'Integrazione 2007-2013, programma "
                    "generale «Solidarietà e gestione dei flussi migratori»."
                ),
                "body": fei_body,
                "fund": funds["FEI"],
                "programme": programmes["fei-2011-a1"],
                "total_cost": Decimal("1250000.00"),
                "eu_contribution": Decimal("937500.00"),
                "national_cofinancing": Decimal("312500.00"),
                "planned_start": d(2011, 9, 1),
                "planned_end": d(2013, 6, 30),
                "actual_start": d(2011, 10, 3),
                "actual_end": d(2013, 6, 30),
            },
            [
                (DLCI, R.AUTHORITY),
                ("Commissione europea", R.FUNDER),
                ("Regione Lazio", R.PARTNER),
                ("Provincia di Latina", R.PARTNER),
                ("Municipio Roma V", R.PARTNER),
                ("Università degli Studi di Roma Tor Vergata", R.PARTNER),
                ("Cooperativa Sociale Il Ponte", R.IMPLEMENTER),
            ],
            ["integrazione", "formazione-linguistica", "servizi-sociali"],
            ["Lazio", "Roma Capitale", "Provincia di Latina"],
            ["progettazione", "gestione", "monitoraggio", "assistenza-tecnica", "rendicontazione"],
            [
                ("Cittadini stranieri orientati ai servizi", "persone", 1200, 1340),
                ("Operatori dei servizi formati", "persone", 80, 76),
                ("Sportelli territoriali attivati", "sportelli", 12, 12),
            ],
        ),
        (
            "fei-sportelli-2010",
            {
                "title": "Rete di sportelli per l'integrazione nelle province del Lazio",
                "acronym": "RETE SPORTELLI",
                "summary": "Sportelli informativi per cittadini di Paesi terzi nei comuni capoluogo del Lazio.",
                "fund": funds["FEI"],
                "programme": programmes["fei-2010"],
                "total_cost": Decimal("480000.00"),
                "eu_contribution": Decimal("360000.00"),
                "national_cofinancing": Decimal("120000.00"),
                "planned_start": d(2010, 7, 1),
                "planned_end": d(2011, 12, 31),
            },
            [
                (DLCI, R.AUTHORITY),
                ("Regione Lazio", R.LEAD),
                ("Comune di Frosinone", R.PARTNER),
                ("Associazione Casa dei Diritti", R.PARTNER),
            ],
            ["integrazione", "servizi-sociali"],
            ["Provincia di Frosinone", "Provincia di Latina"],
            ["gestione", "rendicontazione"],
            [("Accessi agli sportelli", "accessi", 3000, 3412)],
        ),
        (
            "fami-italiano-lavoro",
            {
                "title": "Italiano per il lavoro: corsi di lingua per cittadini stranieri",
                "acronym": "ITALAV",
                "cup": "F84D16000120007",
                "summary": "Corsi di italiano L2 orientati al lavoro, con certificazione delle competenze linguistiche.",
                "fund": funds["FAMI"],
                "programme": programmes["fami"],
                "total_cost": Decimal("650000.00"),
                "eu_contribution": Decimal("325000.00"),
                "national_cofinancing": Decimal("325000.00"),
                "planned_start": d(2016, 3, 1),
                "planned_end": d(2018, 12, 31),
            },
            [
                (DLCI, R.AUTHORITY),
                ("Regione Lazio", R.LEAD),
                ("Centro Studi Migrazioni Lazio", R.PARTNER),
                ("Cooperativa Sociale Il Ponte", R.PARTNER),
            ],
            ["formazione-linguistica", "inclusione-lavorativa"],
            ["Lazio"],
            ["progettazione", "formazione", "rendicontazione"],
            [("Corsisti certificati A2", "persone", 600, 655), ("Corsi attivati", "corsi", 40, 43)],
        ),
        (
            "fami-scuole-aperte",
            {
                "title": "Scuole aperte: inserimento scolastico dei minori stranieri",
                "acronym": "SCUOLE APERTE",
                "summary": "Mediazione linguistica e laboratori nelle scuole di Roma per i minori di Paesi terzi.",
                "fund": funds["FAMI"],
                "programme": programmes["fami"],
                "total_cost": Decimal("390000.00"),
                "eu_contribution": Decimal("195000.00"),
                "national_cofinancing": Decimal("195000.00"),
                "planned_start": d(2018, 9, 1),
                "planned_end": d(2020, 8, 31),
                "actual_start": d(2018, 10, 1),
                "actual_end": d(2021, 2, 28),
            },
            [
                ("Roma Capitale", R.LEAD),
                ("Municipio Roma V", R.PARTNER),
                ("Associazione Casa dei Diritti", R.PARTNER),
            ],
            ["istruzione", "integrazione"],
            ["Roma Capitale"],
            ["monitoraggio", "valutazione"],
            [("Studenti coinvolti", "persone", 900, 870)],
        ),
        (
            "fami-rete-servizi",
            {
                "title": "Rafforzamento della rete dei servizi per migranti vulnerabili",
                "summary": "Presa in carico integrata di migranti vulnerabili tra servizi sociali e sanitari.",
                "fund": funds["FAMI"],
                "programme": programmes["fami"],
                "total_cost": Decimal("820000.00"),
                "eu_contribution": Decimal("410000.00"),
                "national_cofinancing": Decimal("410000.00"),
                "planned_start": d(2019, 1, 15),
                "planned_end": d(2021, 12, 31),
                "status_override": "annullato",
            },
            [(DLCI, R.AUTHORITY), ("Provincia di Latina", R.LEAD), ("Fondazione Comunità Solidale", R.PARTNER)],
            ["servizi-sociali"],
            ["Provincia di Latina"],
            ["progettazione"],
            [],
        ),
        (
            "fse-competenze-digitali",
            {
                "title": "Competenze digitali per l'inclusione lavorativa",
                "acronym": "DIGIT-IN",
                "cup": "F81B22000450009",
                "summary": "Percorsi di formazione digitale e tirocini per persone disoccupate di lunga durata.",
                "fund": funds["FSE+"],
                "programme": programmes["fse"],
                "total_cost": Decimal("1480000.00"),
                "eu_contribution": Decimal("592000.00"),
                "national_cofinancing": Decimal("888000.00"),
                "planned_start": d(2023, 2, 1),
                "planned_end": d(2026, 12, 31),
                "actual_start": d(2023, 3, 1),
            },
            [
                ("Regione Lazio", R.FUNDER),
                ("Regione Lazio", R.AUTHORITY),
                ("Studio Progetti Srl", R.LEAD),
                ("Università degli Studi di Roma Tor Vergata", R.PARTNER),
            ],
            ["inclusione-lavorativa", "istruzione"],
            ["Lazio"],
            ["gestione", "monitoraggio", "rendicontazione"],
            [("Persone formate", "persone", 1000, 420), ("Tirocini avviati", "tirocini", 150, 61)],
        ),
        (
            "fse-capacita-enti-locali",
            {
                "title": "Capacità amministrativa degli enti locali nella gestione dei fondi",
                "acronym": "CAPACITAS",
                "summary": "Assistenza tecnica e formazione ai comuni del Lazio su programmazione e rendicontazione.",
                "fund": funds["FSE+"],
                "programme": programmes["fse"],
                "total_cost": Decimal("760000.00"),
                "eu_contribution": Decimal("304000.00"),
                "national_cofinancing": Decimal("456000.00"),
                "planned_start": d(2024, 6, 1),
                "planned_end": d(2027, 5, 31),
            },
            [("Regione Lazio", R.LEAD), ("Comune di Frosinone", R.PARTNER), ("Provincia di Latina", R.PARTNER)],
            ["capacita-amministrativa"],
            ["Lazio", "Provincia di Frosinone"],
            ["assistenza-tecnica", "formazione"],
            [("Enti locali assistiti", "enti", 60, 25)],
        ),
        (
            "fse-orientamento-giovani",
            {
                "title": "Orientamento al lavoro per giovani con background migratorio",
                "summary": "Orientamento, bilancio delle competenze e accompagnamento al lavoro per giovani di 18-29 anni.",
                "fund": funds["FSE+"],
                "programme": programmes["fse"],
                "total_cost": Decimal("540000.00"),
                "eu_contribution": Decimal("216000.00"),
                "national_cofinancing": Decimal("324000.00"),
                "planned_start": d(2027, 1, 1),
                "planned_end": d(2028, 12, 31),
            },
            [("Regione Lazio", R.FUNDER), ("Cooperativa Sociale Il Ponte", R.LEAD)],
            ["inclusione-lavorativa", "integrazione"],
            ["Roma Capitale", "Provincia di Viterbo"],
            ["progettazione"],
            [],
        ),
        (
            "fnpm-mediazione-culturale",
            {
                "title": "Mediazione culturale nei servizi sanitari",
                "summary": "Mediatori culturali negli ospedali e nei consultori della provincia di Viterbo.",
                "fund": funds["FNPM"],
                "total_cost": Decimal("210000.00"),
                "national_cofinancing": Decimal("210000.00"),
                "planned_start": d(2021, 4, 1),
                "planned_end": d(2023, 3, 31),
            },
            [
                ("Ministero del Lavoro e delle Politiche Sociali", R.FUNDER),
                ("Fondazione Comunità Solidale", R.LEAD),
            ],
            ["servizi-sociali", "integrazione"],
            ["Provincia di Viterbo"],
            ["rendicontazione", "valutazione"],
            [("Interventi di mediazione", "interventi", 2500, 2790)],
        ),
        (
            "fnpm-osservatorio",
            {
                "title": "Osservatorio regionale sull'integrazione",
                "acronym": "ORI",
                "summary": "Raccolta e analisi di dati sull'integrazione dei cittadini stranieri nel Lazio.",
                "fund": funds["FNPM"],
                "total_cost": Decimal("150000.00"),
                "national_cofinancing": Decimal("150000.00"),
                "planned_start": d(2022, 1, 1),
                "planned_end": d(2026, 12, 31),
            },
            [
                ("Ministero del Lavoro e delle Politiche Sociali", R.FUNDER),
                ("Centro Studi Migrazioni Lazio", R.LEAD),
                ("Università degli Studi di Roma Tor Vergata", R.PARTNER),
            ],
            ["integrazione", "capacita-amministrativa"],
            ["Lazio", "Italia"],
            ["monitoraggio", "valutazione"],
            [("Rapporti pubblicati", "rapporti", 5, 3)],
        ),
        (
            "frps-centri-famiglia",
            {
                "title": "Centri per la famiglia nei municipi di Roma",
                "summary": "Sostegno alla genitorialità e servizi di prossimità per famiglie fragili.",
                "fund": funds["FRPS"],
                "total_cost": Decimal("320000.00"),
                "national_cofinancing": Decimal("320000.00"),
                "planned_start": d(2020, 10, 1),
                "planned_end": d(2022, 9, 30),
            },
            [("Regione Lazio", R.FUNDER), ("Municipio Roma V", R.LEAD), ("Associazione Casa dei Diritti", R.PARTNER)],
            ["servizi-sociali"],
            ["Roma Capitale"],
            ["gestione", "rendicontazione"],
            [("Famiglie seguite", "famiglie", 400, 452)],
        ),
        (
            "frps-formazione-operatori",
            {
                "title": "Formazione degli operatori sociali sulla rendicontazione",
                "summary": "Corsi per operatori dei servizi sociali su rendicontazione e controlli dei progetti finanziati.",
                "fund": funds["FRPS"],
                "total_cost": Decimal("85000.00"),
                "national_cofinancing": Decimal("85000.00"),
                "planned_start": d(2025, 2, 1),
                "planned_end": d(2026, 6, 30),
            },
            [("Regione Lazio", R.FUNDER), ("Studio Progetti Srl", R.IMPLEMENTER)],
            ["capacita-amministrativa", "istruzione"],
            ["Lazio"],
            ["formazione"],
            [("Operatori formati", "persone", 200, 130)],
        ),
        (
            "fei-valutazione-2012",
            {
                "title": "Valutazione degli interventi FEI nel Lazio",
                "summary": "Valutazione indipendente dei risultati dei progetti FEI realizzati nel Lazio dal 2008 al 2012.",
                "fund": funds["FEI"],
                "programme": programmes["fei"],
                "total_cost": Decimal("95000.00"),
                "eu_contribution": Decimal("71250.00"),
                "national_cofinancing": Decimal("23750.00"),
                "planned_start": d(2012, 11, 1),
                "planned_end": d(2013, 10, 31),
            },
            [(DLCI, R.AUTHORITY), ("Regione Lazio", R.LEAD), ("Centro Studi Migrazioni Lazio", R.PARTNER)],
            ["integrazione", "capacita-amministrativa"],
            ["Lazio"],
            ["valutazione", "monitoraggio"],
            [("Progetti valutati", "progetti", 25, 27)],
        ),
    ]


RELATED = {"fei-valutazione-2012": ["fei-regione-lazio-2011", "fei-sportelli-2010"], "fei-sportelli-2010": []}
IMAGE_COLOURS = [((8, 58, 102), (26, 120, 86)), ((90, 30, 60), (11, 79, 138)), ((26, 90, 70), (200, 140, 40))]


def seed(stdout):
    home = HomePage.objects.first()
    if home is None:
        stdout.write("projects: manca la home page, nulla da fare")
        return
    organisations, funds, themes, territories, programmes, created = ensure_reference_data()
    catalogue, catalogue_created = ensure_catalogue(home)
    created += catalogue_created
    services = {service.code: service for service in AsapService.objects.all()}
    existing = set(ProjectPage.objects.child_of(catalogue).values_list("slug", flat=True))
    pages = {page.slug: page for page in ProjectPage.objects.child_of(catalogue)}
    for position, (slug, fields, roles, theme_slugs, territory_names, service_codes, results) in enumerate(
        demo_projects(organisations, funds, themes, territories, programmes)
    ):
        if slug in existing:
            continue
        page = ProjectPage(slug=slug, **fields)
        if position % 4 == 0:
            page.image = project_image(f"Progetto {fields['title']}", IMAGE_COLOURS[position % 3])
        page.organisation_roles = [
            ProjectOrganisation(organisation=organisations[name], role=role, sort_order=order)
            for order, (name, role) in enumerate(roles)
        ]
        page.results = [
            ProjectResult(name=name, unit=unit, target=target, achieved=achieved, sort_order=order)
            for order, (name, unit, target, achieved) in enumerate(results)
        ]
        if slug == "fei-regione-lazio-2011":
            page.documents = [ProjectDocument(document=indicator_document(), title="Indicatori del progetto (CSV)")]
        page.related_links = [
            ProjectRelatedLink(related_project=pages[other], sort_order=order)
            for order, other in enumerate(RELATED.get(slug, []))
            if other in pages
        ]
        page.themes = [themes[s] for s in theme_slugs]
        page.territories = [territories[n] for n in territory_names]
        page.asap_services = [services[c] for c in service_codes]
        catalogue.add_child(instance=page)
        page.save_revision().publish()
        pages[slug] = page
        created += 1

    created += retire_fei_content_page(pages.get("fei-regione-lazio-2011"))

    site_navigation = NavigationSettings.objects.filter(site__root_page=home).first()
    if site_navigation and not site_navigation.items.filter(page=catalogue).exists():
        order = site_navigation.items.count()
        NavigationItem.objects.create(settings=site_navigation, page=catalogue, sort_order=order)
        created += 1

    stdout.write(f"projects: {created} elementi creati" if created else "projects: già presente, nulla da fare")
