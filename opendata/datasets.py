"""The datasets the site publishes, described once: the "Dati aperti" page, the DCAT-AP_IT catalogue
and the tests all read this registry, so the page, the catalogue and the files cannot disagree.

A field's `name` is the CSV column (and, where it differs, `json` the JSON key); the names are the
exports' public interface (projects/exports.py, transparency/exports.py, opendata/exports.py).
Themes, frequencies and formats are codes of the EU vocabularies (Publications Office authority
tables), as DCAT-AP_IT asks."""

from dataclasses import dataclass, field

from django.db.models import Max
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from courses.models import CourseIndexPage, CoursePage
from projects.exports import COLUMNS as PROJECT_COLUMNS
from projects.models import ProjectIndexPage, ProjectPage
from transparency.exports import CSV_HEADER as REGISTER_COLUMNS
from transparency.models import ContributionsRegisterPage, PublicContribution

from .exports import COURSE_COLUMNS

THEMES = "http://publications.europa.eu/resource/authority/data-theme/"
FREQUENCIES = "http://publications.europa.eu/resource/authority/frequency/"
FILE_TYPES = "http://publications.europa.eu/resource/authority/file-type/"
# The catalogue's formats: rdflib's name and media type, by the suffix of its address.
CATALOGUE_FORMATS = {"turtle": "text/turtle", "xml": "application/rdf+xml", "json-ld": "application/ld+json"}
CATALOGUE_SUFFIXES = {"ttl": "turtle", "rdf": "xml", "jsonld": "json-ld"}
API_ROOT = "/api/v3/"
API_SCHEMA = "/api/v3/openapi.json"


@dataclass(frozen=True)
class Text:
    """A text in Italian (the source) and English, for the page and the catalogue's language tags."""

    it: str
    en: str

    def __str__(self):
        return self.en if get_language() == "en" else self.it


@dataclass(frozen=True)
class Field:
    name: str
    meaning: str
    unit: str = ""
    json: str = ""


@dataclass(frozen=True)
class Distribution:
    """One file of a dataset: `route` is relative to the dataset's source page, or to the data page
    when `on_data_page` (the course exports live there)."""

    format: str  # code of the EU file-type vocabulary
    media_type: str
    route: str
    on_data_page: bool = False


@dataclass(frozen=True)
class Frequency:
    code: str  # code of the EU frequency vocabulary
    label: str


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: Text
    description: Text
    source: type  # the page that publishes the collection (the dataset's landing page)
    records: object  # source page -> queryset of what the dataset lists (with `last_published_at`)
    themes: tuple
    frequency: Frequency
    keywords: tuple
    fields: tuple
    distributions: tuple
    examples: tuple = field(default=())  # (description, route relative to the source page)

    def source_page(self, locale_id):
        return self.source.objects.live().public().filter(locale_id=locale_id).first()

    def modified(self, source_page):
        """When the collection last changed: the latest publication among its records, else the page's."""
        latest = self.records(source_page).aggregate(latest=Max("last_published_at"))["latest"]
        return latest or source_page.last_published_at or source_page.first_published_at

    def url_of(self, distribution, source_page, data_page):
        base = data_page if distribution.on_data_page else source_page
        return base.url + distribution.route


def _described(columns, meanings):
    """Fields in the export's column order; a column without a meaning fails at import (and in the tests)."""
    return tuple(Field(column, *meanings[column]) for column in columns)


AS_PUBLISHED = Frequency("IRREG", _("a ogni pubblicazione della redazione"))
YEARLY = Frequency("ANNUAL", _("ogni anno, entro il 30 giugno (e a ogni nuovo incasso)"))
LIST = _("elenco separato da «; » (in JSON una lista)")

PROJECT_FIELDS = _described(
    PROJECT_COLUMNS,
    {
        "id": (_("identificativo stabile del progetto sul sito"), _("numero intero")),
        "titolo": (_("titolo del progetto"), ""),
        "acronimo": (_("acronimo del progetto"), ""),
        "cup": (_("Codice Unico di Progetto (CUP)"), _("15 lettere maiuscole o cifre")),
        "url": (_("indirizzo della pagina del progetto"), "URL"),
        "stato": (_("stato: previsto, in corso, concluso, annullato"), _("codice")),
        "fondo": (_("fondo che finanzia il progetto"), ""),
        "fondo_sigla": (_("sigla del fondo (FEI, FAMI, FSE+...)"), ""),
        "programma": (_("programma di finanziamento"), ""),
        "programma_codice": (_("codice del programma"), ""),
        "capofila": (_("enti capofila"), LIST),
        "partner": (_("partner e soggetti attuatori"), LIST),
        "finanziatori": (_("finanziatori e autorità responsabili"), LIST),
        "costo_totale": (_("costo totale del progetto"), _("euro, due decimali")),
        "contributo_ue": (_("contributo dell'Unione europea"), _("euro, due decimali")),
        "cofinanziamento_nazionale": (_("cofinanziamento nazionale o regionale"), _("euro, due decimali")),
        "tasso_cofinanziamento_ue": (_("quota del costo coperta dall'UE"), _("percentuale")),
        "inizio_previsto": (_("data di inizio prevista"), _("data ISO 8601 (AAAA-MM-GG)")),
        "fine_prevista": (_("data di fine prevista"), _("data ISO 8601 (AAAA-MM-GG)")),
        "inizio_effettivo": (_("data di inizio effettiva"), _("data ISO 8601 (AAAA-MM-GG)")),
        "fine_effettiva": (_("data di fine effettiva"), _("data ISO 8601 (AAAA-MM-GG)")),
        "territori": (_("territori in cui si svolge il progetto"), LIST),
        "temi": (_("temi del progetto"), LIST),
        "ruoli_asap": (
            _("servizi svolti da ASAP (progettazione, gestione...)"),
            _("codici separati da «; » (in JSON una lista)"),
        ),
        "obiettivi": (_("obiettivi del progetto"), _("testo, un paragrafo per riga")),
        "risultati_attesi": (_("risultati attesi"), _("testo, un paragrafo per riga")),
        "dicitura_ue": (_("dicitura del sostegno dell'Unione europea"), ""),
        "url_opencoesione": (_("pagina del progetto su OpenCoesione"), "URL"),
        "url_kohesio": (_("pagina del progetto su Kohesio"), "URL"),
    },
)

REGISTER_FIELDS = _described(
    REGISTER_COLUMNS,
    {
        "Anno": (_("anno di incasso"), _("anno"), "anni[].anno"),
        "Ente erogante": (_("pubblica amministrazione che ha erogato la somma"), "", "ente_erogante"),
        "Codice fiscale ente": (_("codice fiscale dell'ente erogante"), "", "codice_fiscale"),
        "Importo (euro)": (_("somma incassata"), _("euro; CSV 1250000,50, JSON stringa decimale"), "importo"),
        "Data di incasso": (_("giorno in cui la somma è arrivata"), _("CSV GG/MM/AAAA, JSON ISO 8601"), "data_incasso"),
        "Causale": (_("causale del contributo"), "", "causale"),
        "Progetto": (_("progetto a cui si riferisce, se c'è"), "", "progetto.titolo"),
        "Indirizzo del progetto": (_("indirizzo della pagina del progetto"), "URL", "progetto.url"),
    },
)

COURSE_FIELDS = _described(
    COURSE_COLUMNS,
    {
        "id_corso": (_("identificativo stabile del corso sul sito"), _("numero intero")),
        "codice": (_("codice del corso"), ""),
        "titolo": (_("titolo del corso"), ""),
        "url": (_("indirizzo della pagina del corso"), "URL"),
        "area": (_("area tematica"), _("codice")),
        "livello": (_("livello"), _("codice")),
        "modalita": (_("modalità di erogazione: in presenza, online, e-learning, mista"), _("codice")),
        "lingua": (_("lingua del corso"), ""),
        "ore_totali": (_("durata complessiva"), _("ore")),
        "gratuito": (_("se il corso è gratuito"), _("vero/falso")),
        "quota": (_("quota di iscrizione"), _("euro, due decimali")),
        "attestato": (_("attestato rilasciato"), _("codice")),
        "programma": (_("programma che finanzia il corso"), ""),
        "edizione": (_("nome dell'edizione"), ""),
        "inizio": (_("inizio dell'edizione"), _("data e ora ISO 8601, ora di Roma")),
        "fine": (_("fine dell'edizione"), _("data e ora ISO 8601, ora di Roma")),
        "sede": (_("sede"), ""),
        "comune": (_("comune della sede"), ""),
        "provincia": (_("sigla della provincia della sede"), ""),
        "online": (_("se l'edizione si svolge online"), _("vero/falso")),
        "piattaforma": (_("piattaforma online"), ""),
        "posti": (_("posti disponibili"), _("numero di persone; vuoto se senza limite")),
        "scadenza_iscrizioni": (_("ultimo giorno per iscriversi"), _("data ISO 8601 (AAAA-MM-GG)")),
        "annullata": (_("se l'edizione è annullata"), _("vero/falso")),
    },
)

DATASETS = (
    Dataset(
        slug="progetti",
        title=Text("Progetti finanziati", "Funded projects"),
        description=Text(
            "I progetti finanziati con fondi pubblici che ASAP progetta, gestisce o accompagna: codice CUP, fondo "
            "e programma, enti per ruolo, importi, date, territori, temi, obiettivi e risultati attesi.",
            "The publicly funded projects ASAP designs, manages or supports: CUP code, fund and programme, "
            "organisations by role, amounts, dates, territories, themes, aims and expected results.",
        ),
        source=ProjectIndexPage,
        records=lambda page: ProjectPage.objects.live().public().descendant_of(page),
        themes=("ECON", "GOVE"),
        frequency=AS_PUBLISHED,
        keywords=("progetti", "fondi europei", "CUP", "finanziamenti pubblici"),
        fields=PROJECT_FIELDS,
        distributions=(
            Distribution("CSV", "text/csv", "dati/csv/"),
            Distribution("JSON", "application/json", "dati/json/"),
            Distribution("ATOM", "application/atom+xml", "feed/"),
        ),
        examples=(
            (_("i progetti sul tema «integrazione», in JSON"), "dati/json/?tema=integrazione"),
            (_("i nuovi progetti, come feed Atom"), "feed/"),
        ),
    ),
    Dataset(
        slug="contributi-pubblici",
        title=Text("Contributi pubblici ricevuti", "Public funding received"),
        description=Text(
            "Sovvenzioni, contributi e vantaggi economici ricevuti da pubbliche amministrazioni, anno per anno, "
            "per cassa (Legge 124/2017, art. 1, c. 125): ente erogante, codice fiscale, importo, data, causale.",
            "Grants, contributions and economic benefits received from public administrations, year by year, "
            "on a cash basis (Law 124/2017, art. 1, c. 125): granting body, tax code, amount, date, reason.",
        ),
        source=ContributionsRegisterPage,
        records=lambda page: PublicContribution.objects.filter(live=True),
        themes=("GOVE", "ECON"),
        frequency=YEARLY,
        keywords=("trasparenza", "contributi pubblici", "legge 124/2017"),
        fields=REGISTER_FIELDS,
        distributions=(
            Distribution("CSV", "text/csv", "dati/csv/"),
            Distribution("JSON", "application/json", "dati/json/"),
        ),
        examples=((_("l'intero registro, in JSON"), "dati/json/"),),
    ),
    Dataset(
        slug="corsi",
        title=Text("Corsi di formazione", "Training courses"),
        description=Text(
            "I corsi di formazione di ASAP, un'edizione per riga: codice, area, livello, modalità, durata, quota, "
            "attestato, date, sede, posti e scadenza delle iscrizioni.",
            "ASAP's training courses, one edition a row: code, area, level, delivery mode, length, fee, "
            "certificate, dates, venue, seats and enrolment deadline.",
        ),
        source=CourseIndexPage,
        records=lambda page: CoursePage.objects.live().public().descendant_of(page),
        themes=("EDUC",),
        frequency=AS_PUBLISHED,
        keywords=("formazione", "corsi", "edizioni"),
        fields=COURSE_FIELDS,
        distributions=(
            Distribution("CSV", "text/csv", "corsi.csv", on_data_page=True),
            Distribution("JSON", "application/json", "corsi.json", on_data_page=True),
        ),
    ),
)
