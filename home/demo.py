"""Demo content for the site skeleton. `manage.py seed_demo` calls `seed()` in every app that has a
`demo` module, home first; each only creates what is missing, so a second run changes nothing."""

import io
import math

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.contrib.redirects.models import Redirect
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from core.site_settings import NavigationItem, NavigationSettings, OrganisationSettings
from standardpages.models import ContentPage

from .models import HomePage

IMAGE_PALETTES = {
    "hero": ((8, 58, 102), (11, 79, 138), (255, 191, 71)),
    "team": ((31, 42, 54), (11, 79, 138), (232, 240, 248)),
    "lazio": ((8, 58, 102), (26, 120, 86), (255, 255, 255)),
}


def demo_image(title, palette_name, alt_text, size=(1600, 900)):
    """A generated abstract picture (nothing is downloaded), created once per title."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    start, end, accent = IMAGE_PALETTES[palette_name]
    width, height = size
    picture = PILImage.new("RGB", size)
    draw = ImageDraw.Draw(picture)
    for x in range(width):
        t = x / width
        draw.line([(x, 0), (x, height)], fill=tuple(int(a + (b - a) * t) for a, b in zip(start, end, strict=True)))
    for i in range(12):
        angle = i * math.pi / 6
        cx = width * 0.65 + math.cos(angle) * width * 0.18
        cy = height * 0.5 + math.sin(angle) * height * 0.3
        radius = 30 + 10 * (i % 4)
        draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), outline=accent, width=6)
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=80)
    image = Image(
        title=title,
        description=alt_text,
        focal_point_x=int(width * 0.65),
        focal_point_y=height // 2,
        focal_point_width=int(width * 0.4),
        focal_point_height=int(height * 0.6),
    )
    image.file.save(f"{palette_name}.jpg", ImageFile(buffer, name=f"{palette_name}.jpg"), save=False)
    image.save()
    return image


MENU = ["chi-siamo", "regione-lazio-fondo-fei", "contatti"]


def paragraph(html):
    return ("paragraph", RichText(html))


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def ensure_home_page():
    """Replace Wagtail's placeholder welcome page with our HomePage and point the default site at it."""
    home = HomePage.objects.first()
    if home:
        return home, False
    root = Page.get_first_root_node()
    for placeholder in root.get_children().filter(content_type__model="page", slug="home"):
        if not placeholder.get_children().exists():
            placeholder.delete()
    root.refresh_from_db()
    hero = demo_image("Apertura home page", "hero", "Composizione astratta nei colori di ASAP")
    home = HomePage(
        title="Home",
        slug="home",
        seo_title="ASAP: progettazione e gestione di progetti finanziati e formazione",
        search_description=(
            "ASAP progetta, gestisce, monitora e rendiconta progetti finanziati con fondi europei, "
            "nazionali e regionali, e organizza corsi di formazione."
        ),
        hero_title="Progetti finanziati e formazione per la pubblica amministrazione e il terzo settore",
        hero_text=(
            "Dalla progettazione alla rendicontazione: affianchiamo Regioni, enti locali, università e "
            "organizzazioni non profit nei progetti finanziati con fondi europei e nazionali."
        ),
        hero_image=hero,
        hero_link_label="Scopri chi siamo",
        intro=(
            "<p>ASAP lavora dal 2007 su progetti finanziati dal <b>Fondo Europeo per l'Integrazione</b>, "
            "dal FAMI e dal Fondo Sociale Europeo, con la Regione Lazio, i ministeri, i comuni e le "
            "associazioni del territorio.</p>"
        ),
    )
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(
        hostname="localhost", port=80, is_default_site=True
    )
    site.root_page = home
    site.site_name = "ASAP"
    site.save()
    return home, True


def ensure_page(parent, slug, **fields):
    """Create a demo page once. A page that another app's demo has since moved elsewhere (a redirect
    from its address exists) is not created again."""
    existing = ContentPage.objects.child_of(parent).filter(slug=slug).first()
    if existing:
        return existing, False
    if Redirect.objects.filter(old_path=Redirect.normalise_path(f"{parent.url}{slug}/")).exists():
        return None, False
    page = ContentPage(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def seed(stdout):
    home, home_created = ensure_home_page()
    created = int(home_created)
    team_image = demo_image("Il gruppo di lavoro", "team", "Composizione astratta in blu e grigio")
    lazio_image = demo_image("Regione Lazio e fondo FEI", "lazio", "Composizione astratta in blu e verde")

    pages = {}
    for slug, fields in demo_pages(team_image, lazio_image).items():
        pages[slug], was_created = ensure_page(home, slug, **fields)
        created += was_created
    pages = {slug: page for slug, page in pages.items() if page is not None}

    if home_created:
        home.hero_link = pages["chi-siamo"]
        home.save_revision().publish()

    site = Site.objects.get(root_page=home)
    organisation = OrganisationSettings.for_site(site)
    if not organisation.email:
        organisation.name = "ASAP"
        organisation.tagline = "Progetti finanziati e formazione"
        organisation.address = "Via Nazionale 89\n00184 Roma (RM)"
        organisation.email = "info@asap.example"
        organisation.pec = "asap@pec.asap.example"
        organisation.phone = "+39 06 1234 5678"
        organisation.fiscal_code = "97000000000"
        organisation.vat_number = "IT01234567890"
        organisation.footer_text = (
            "ASAP: progettazione, gestione, monitoraggio e rendicontazione di progetti finanziati."
        )
        organisation.privacy_page = pages["privacy"]
        organisation.accessibility_page = pages["dichiarazione-di-accessibilita"]
        organisation.legal_notes_page = pages["note-legali"]
        organisation.save()
        created += 1

    navigation = NavigationSettings.for_site(site)
    if not navigation.items.exists():
        for order, slug in enumerate(slug for slug in MENU if slug in pages):
            navigation.items.add(NavigationItem(page=pages[slug], sort_order=order))
        navigation.save()
        created += 1

    stdout.write(f"home: {created} elementi creati" if created else "home: già presente, nulla da fare")


def demo_pages(team_image, lazio_image):
    fei_figures = {
        "caption": "Risorse del Fondo Europeo per l'Integrazione 2007-2013",
        "table": {
            "first_row_is_table_header": True,
            "first_col_is_header": True,
            "data": [
                ["Voce", "Importo"],
                ["Stanziamento complessivo 2007-2013", "825 milioni di euro"],
                ["Ripartiti fra gli Stati membri", "768 milioni di euro"],
                ["Azioni comunitarie", "57 milioni di euro"],
                ["Risorse per l'Italia", "circa 103 milioni di euro"],
            ],
        },
    }
    return {
        "chi-siamo": {
            "title": "Chi siamo",
            "intro": "Progettiamo, gestiamo, monitoriamo e rendicontiamo progetti finanziati con fondi pubblici.",
            "search_description": "Chi è ASAP e che cosa fa per enti pubblici e organizzazioni del terzo settore.",
            "body": [
                paragraph(
                    "<p>ASAP affianca amministrazioni pubbliche, università e organizzazioni non profit in tutte "
                    "le fasi dei progetti finanziati: dall'idea progettuale alla rendicontazione finale.</p>"
                ),
                (
                    "image",
                    {"image": {"image": team_image, "decorative": True, "alt_text": ""}, "caption": "", "credit": ""},
                ),
                heading("I nostri servizi"),
                paragraph(
                    "<ul><li>Progettazione</li><li>Gestione</li><li>Monitoraggio</li>"
                    "<li>Assistenza tecnica</li><li>Rendicontazione</li><li>Formazione</li></ul>"
                ),
                (
                    "quote",
                    {
                        "text": "Un progetto finanziato riesce quando chi lo realizza e chi lo rendiconta lavorano insieme dal primo giorno.",
                        "attribution": "Il gruppo di lavoro di ASAP",
                    },
                ),
            ],
        },
        "regione-lazio-fondo-fei": {
            "title": "Regione Lazio e Fondo Europeo per l'Integrazione",
            "intro": (
                "ASAP collabora con la Regione Lazio su progetti finanziati dal Fondo Europeo per "
                "l'Integrazione di cittadini di Paesi terzi (FEI) 2007-2013."
            ),
            "search_description": "Progetti FEI 2007-2013 con la Regione Lazio: progettazione, gestione, monitoraggio, assistenza tecnica e rendicontazione.",
            "body": [
                paragraph(
                    "<p>ASAP collabora attivamente con la Regione Lazio, in particolare con la Direzione Regionale "
                    "Politiche Sociali, Autonomie, Sicurezza e Sport, svolgendo attività di progettazione, gestione, "
                    "monitoraggio, assistenza tecnica e rendicontazione di progetti finanziati con il Fondo Europeo "
                    "per l'Integrazione di cittadini di Paesi terzi per il periodo 2007-2013 nell'ambito del "
                    "programma generale «Solidarietà e gestione dei flussi migratori».</p>"
                ),
                (
                    "image",
                    {"image": {"image": lazio_image, "decorative": True, "alt_text": ""}, "caption": "", "credit": ""},
                ),
                heading("Il Fondo FEI"),
                paragraph(
                    "<p>Il Fondo FEI, gestito dal Ministero dell'Interno, ha lo scopo di aiutare le regioni degli "
                    "Stati membri dell'Unione europea a migliorare la propria capacità di elaborare, attuare, "
                    "monitorare e valutare le strategie di integrazione, le politiche e le misure nei confronti "
                    "dei cittadini di Paesi terzi, lo scambio di informazioni e buone prassi e la cooperazione, "
                    "per permettere ai cittadini di Paesi terzi che giungono legalmente in Europa di soddisfare "
                    "le condizioni di soggiorno e di integrarsi più facilmente nelle società ospitanti.</p>"
                ),
                ("table", fei_figures),
                paragraph(
                    "<p>Lo stanziamento complessivo per gli anni dal 2007 al 2013 è pari a 825 milioni di euro: "
                    "768 milioni distribuiti fra gli Stati membri in base al numero di cittadini di Paesi terzi "
                    "regolarmente soggiornanti e 57 milioni per le azioni comunitarie. Le risorse stanziate per "
                    "l'Italia nell'intero periodo ammontano a circa 103 milioni di euro.</p>"
                ),
                heading("La strategia nazionale"),
                paragraph(
                    "<p>Il Ministero dell'Interno, Dipartimento per le Libertà Civili e l'Immigrazione, autorità "
                    "responsabile per l'Italia, ha sviluppato una strategia per l'utilizzo delle risorse del Fondo "
                    "con un Programma pluriennale per l'intero periodo 2007-2013 e programmi annuali per le "
                    "annualità 2007-2012 approvati dalla Commissione europea.</p>"
                ),
                heading("Il ruolo della Regione Lazio"),
                paragraph(
                    "<p>La Regione Lazio promuove e sostiene progetti finanziati dal fondo FEI per valorizzare i "
                    "servizi territoriali rivolti ai cittadini stranieri di Paesi terzi, con attività di "
                    "inclusione sociale e lavorativa che ne favoriscono l'integrazione sociale e culturale nel "
                    "territorio laziale.</p><p>Il successo di questi progetti, e la possibilità di creare modelli "
                    "replicabili in altri territori, nasce dalla collaborazione tra la Regione Lazio, le Province, "
                    "i Comuni e i Municipi, con il coinvolgimento di università, centri di ricerca, associazioni, "
                    "cooperative ed enti non profit che operano nel sociale.</p><p>In questo ambito ASAP mette a "
                    "disposizione la professionalità e l'esperienza dei propri collaboratori per supportare le "
                    "direzioni regionali nelle loro attività.</p>"
                ),
            ],
        },
        "contatti": {
            "title": "Contatti",
            "intro": "Scrivici o chiamaci: rispondiamo entro due giorni lavorativi.",
            "search_description": "Indirizzo, telefono, e-mail e PEC di ASAP.",
            "body": [
                paragraph(
                    "<p><b>ASAP</b><br>Via Nazionale 89, 00184 Roma (RM)</p>"
                    "<p>Telefono: +39 06 1234 5678<br>E-mail: info@asap.example<br>PEC: asap@pec.asap.example</p>"
                ),
            ],
        },
        "privacy": {
            "title": "Informativa privacy",
            "intro": "Come trattiamo i dati personali di chi visita il sito e di chi ci scrive.",
            "search_description": "Informativa sul trattamento dei dati personali ai sensi del Regolamento (UE) 2016/679.",
            "body": [
                heading("Titolare del trattamento"),
                paragraph("<p>ASAP, Via Nazionale 89, 00184 Roma. E-mail: info@asap.example.</p>"),
                heading("Dati trattati e finalità"),
                paragraph(
                    "<p>Trattiamo i dati che ci invii con i moduli del sito solo per rispondere alle tue "
                    "richieste. Non vendiamo né cediamo i dati a terzi.</p>"
                ),
                heading("I tuoi diritti"),
                paragraph(
                    "<p>Puoi chiedere accesso, rettifica, cancellazione o limitazione dei tuoi dati e proporre "
                    "reclamo al Garante per la protezione dei dati personali.</p>"
                ),
            ],
        },
        "dichiarazione-di-accessibilita": {
            "title": "Dichiarazione di accessibilità",
            "intro": "ASAP si impegna a rendere il proprio sito accessibile, secondo la Legge 4/2004.",
            "search_description": "Dichiarazione di accessibilità del sito di ASAP (Legge 4/2004, linee guida AgID).",
            "body": [
                heading("Stato di conformità"),
                paragraph(
                    "<p>Il sito è progettato per essere conforme ai requisiti della norma EN 301 549 "
                    "(WCAG 2.1 livello AA), come richiesto dalle linee guida AgID.</p>"
                ),
                heading("Segnalazioni"),
                paragraph(
                    "<p>Se incontri un ostacolo scrivi a info@asap.example: rispondiamo entro 30 giorni. In caso "
                    "di risposta insoddisfacente puoi rivolgerti al Difensore civico per il digitale di AgID.</p>"
                ),
            ],
        },
        "note-legali": {
            "title": "Note legali",
            "intro": "Condizioni d'uso dei contenuti del sito.",
            "search_description": "Note legali e condizioni d'uso del sito di ASAP.",
            "body": [
                paragraph(
                    "<p>I contenuti del sito sono di ASAP, salvo dove indicato. Puoi riprodurli citando la fonte.</p>"
                ),
            ],
        },
    }
