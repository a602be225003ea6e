"""What the API answers, field by field: django-ninja schemas read from the models (`resolve_*`), in
Italian like the site's open data exports (`projects.exports`), whose names they follow. Amounts are
decimal strings in euro ("1250000.50": exact, unlike a JSON number), dates ISO 8601, times with their
offset (Europe/Rome). Every identifier is stable: a page's id (projects, courses, news, events), a
snippet's id (organisations, funds, programmes, territories, contributions), a theme's slug."""

from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from ninja import Field, Schema
from pydantic import AfterValidator

from projects.exports import plain_text

AMOUNT = "Importo in euro, come stringa decimale con due cifre."
CENT = Decimal("0.01")
# Two decimals whatever the database summed them to (SQLite's sums drop them).
Amount = Annotated[Decimal, AfterValidator(lambda value: value.quantize(CENT))]


def full_url(page, context):
    return page.get_full_url(context["request"])


class FundRef(Schema):
    id: int
    nome: str = Field(validation_alias="name")
    sigla: str = Field(validation_alias="acronym")


class ProgrammeRef(Schema):
    id: int
    nome: str = Field(validation_alias="name")
    codice: str = Field(validation_alias="code")
    livello: str = Field(validation_alias="level")


class OrganisationRef(Schema):
    id: int = Field(description="Identificativo stabile dell'ente.")
    nome: str = Field(validation_alias="name")
    sigla: str = Field(validation_alias="acronym")


class Role(Schema):
    ruolo: str = Field(validation_alias="role", description="finanziatore, autorita, capofila, partner o attuatore.")
    ente: OrganisationRef = Field(validation_alias="organisation")


class TerritoryRef(Schema):
    id: int
    nome: str = Field(validation_alias="name")
    livello: str = Field(validation_alias="level")
    codice: str = Field(validation_alias="code")


class ThemeRef(Schema):
    slug: str
    nome: str = Field(validation_alias="name")


class Problem(Schema):
    """An error (RFC 7807, as Wagtail's API answers them): `detail` says what was wrong, in Italian."""

    type: str
    title: str
    status: int
    detail: str = ""
    errors: list[dict[str, Any]] | None = None


class Project(Schema):
    id: int = Field(description="Identificativo stabile: l'id della pagina del progetto.")
    titolo: str = Field(validation_alias="title")
    acronimo: str = Field(validation_alias="acronym")
    cup: str | None = Field(description="Codice unico di progetto (15 caratteri), se assegnato.")
    url: str = Field(description="Indirizzo completo della pagina del progetto.")
    stato: str = Field(description="programmato, in-corso, concluso o annullato.")
    sintesi: str = Field(validation_alias="summary")
    fondo: FundRef | None = Field(validation_alias="fund")
    programma: ProgrammeRef | None = Field(validation_alias="programme")
    costo_totale: Amount | None = Field(validation_alias="total_cost", description=AMOUNT)
    contributo_ue: Amount | None = Field(validation_alias="eu_contribution", description=AMOUNT)
    cofinanziamento_nazionale: Amount | None = Field(validation_alias="national_cofinancing", description=AMOUNT)
    tasso_cofinanziamento_ue: Decimal | None = Field(
        validation_alias="cofinancing_rate", description="Contributo UE sul costo totale, in percentuale."
    )
    inizio_previsto: date | None = Field(validation_alias="planned_start")
    fine_prevista: date | None = Field(validation_alias="planned_end")
    inizio_effettivo: date | None = Field(validation_alias="actual_start")
    fine_effettiva: date | None = Field(validation_alias="actual_end")
    enti: list[Role] = Field(description="Gli enti coinvolti, ciascuno con il suo ruolo.")
    territori: list[TerritoryRef]
    temi: list[ThemeRef]
    ruoli_asap: list[str] = Field(description="I servizi svolti da ASAP (codici).")

    @staticmethod
    def resolve_cup(obj):
        return obj.cup or None

    @staticmethod
    def resolve_url(obj, context):
        return full_url(obj, context)

    @staticmethod
    def resolve_stato(obj):
        return obj.status

    @staticmethod
    def resolve_enti(obj):
        return list(obj.organisation_roles.all())

    @staticmethod
    def resolve_territori(obj):
        return list(obj.territories.all())

    @staticmethod
    def resolve_temi(obj):
        return list(obj.themes.all())

    @staticmethod
    def resolve_ruoli_asap(obj):
        return [service.code for service in obj.asap_services.all()]


class ProjectList(Schema):
    """A page of projects, as the other lists answer (`page`, `page_size`)."""

    items: list[Project]
    count: int


class Indicator(Schema):
    nome: str = Field(validation_alias="name")
    unita: str = Field(validation_alias="unit")
    obiettivo: Decimal | None = Field(validation_alias="target")
    raggiunto: Decimal | None = Field(validation_alias="achieved")


class ProjectDetail(Project):
    obiettivi: str = Field(description="Testo semplice, un paragrafo per riga.")
    risultati_attesi: str = Field(description="Testo semplice, un paragrafo per riga.")
    indicatori: list[Indicator]
    dicitura_ue: str = Field(validation_alias="statement_label")
    url_opencoesione: str | None = Field(validation_alias="opencoesione_url")
    url_kohesio: str | None = Field(validation_alias="kohesio_url")
    pubblicato: datetime | None = Field(validation_alias="last_published_at")

    @staticmethod
    def resolve_obiettivi(obj):
        return plain_text(obj.objectives)

    @staticmethod
    def resolve_risultati_attesi(obj):
        return plain_text(obj.expected_results)

    @staticmethod
    def resolve_indicatori(obj):
        return list(obj.results.all())


class FundTotal(Schema):
    fondo: FundRef | None
    progetti: int
    costo_totale: Amount | None = Field(description=AMOUNT)
    contributo_ue: Amount | None = Field(description=AMOUNT)


class ProjectTotals(Schema):
    """What the catalogue page shows for the same filters: the count and the funding chart."""

    progetti: int
    costo_totale: Amount = Field(description=AMOUNT)
    contributo_ue: Amount = Field(description=AMOUNT)
    per_fondo: list[FundTotal]


class RoleCount(Schema):
    ruolo: str
    progetti: int


class Organisation(OrganisationRef):
    tipo: str = Field(validation_alias="kind")
    citta: str = Field(validation_alias="city")
    sito_web: str = Field(validation_alias="website")
    codice_fiscale: str = Field(validation_alias="fiscal_code")
    progetti: int = Field(validation_alias="project_count", description="Progetti pubblicati in cui compare.")
    costo_totale: Amount | None = Field(validation_alias="project_cost", description=AMOUNT)
    contributo_ue: Amount | None = Field(validation_alias="project_eu", description=AMOUNT)


class FundCount(Schema):
    fondo: FundRef
    progetti: int


class OrganisationDetail(Organisation):
    per_ruolo: list[RoleCount]
    per_fondo: list[FundCount]


class Programme(ProgrammeRef):
    genitore: int | None = Field(validation_alias="parent_id", description="Il programma che lo contiene.")
    autorita_responsabile: OrganisationRef | None = Field(validation_alias="responsible_authority")
    dal: int | None = Field(validation_alias="period_start")
    al: int | None = Field(validation_alias="period_end")
    url: str = Field(validation_alias="url")


class Fund(FundRef):
    livello: str = Field(validation_alias="level")
    dal: int | None = Field(validation_alias="period_start")
    al: int | None = Field(validation_alias="period_end")
    dotazione: Amount | None = Field(validation_alias="total_allocation", description=AMOUNT)
    descrizione: str = Field(validation_alias="description")
    url: str = Field(validation_alias="url")
    programmi: list[Programme]

    @staticmethod
    def resolve_programmi(obj):
        return list(obj.programmes.all())


class Contribution(Schema):
    id: int
    ente_erogante: OrganisationRef = Field(validation_alias="granting_body")
    codice_fiscale_ente: str
    importo: Amount = Field(validation_alias="amount", description=AMOUNT)
    data_incasso: date = Field(validation_alias="received_on")
    anno: int = Field(validation_alias="year")
    causale: str = Field(validation_alias="reason")
    progetto: int | None = Field(validation_alias="project_id", description="Id del progetto finanziato.")

    @staticmethod
    def resolve_codice_fiscale_ente(obj):
        return obj.granting_body.fiscal_code


class Venue(Schema):
    nome: str = Field(validation_alias="name")
    indirizzo: str = Field(validation_alias="address")
    cap: str = Field(validation_alias="postal_code")
    comune: str = Field(validation_alias="city")
    provincia: str = Field(validation_alias="province")


class Edition(Schema):
    id: int
    edizione: str = Field(validation_alias="edition")
    inizio: datetime = Field(validation_alias="start")
    fine: datetime = Field(validation_alias="end")
    sede: Venue | None = Field(validation_alias="venue")
    online: bool = Field(validation_alias="is_online")
    piattaforma: str = Field(validation_alias="online_platform")
    orario: str = Field(validation_alias="schedule")
    posti: int | None = Field(validation_alias="seats", description="Posti disponibili; null: senza limite.")
    posti_occupati: int = Field(validation_alias="seats_taken")
    posti_liberi: int | None = Field(validation_alias="seats_left")
    scadenza_iscrizioni: date | None = Field(validation_alias="enrolment_deadline")
    annullata: bool = Field(validation_alias="cancelled")
    stato: str

    @staticmethod
    def resolve_stato(obj):
        return str(obj.status())


class Course(Schema):
    id: int = Field(description="Identificativo stabile: l'id della pagina del corso.")
    codice: str = Field(validation_alias="code")
    titolo: str = Field(validation_alias="title")
    url: str
    sintesi: str = Field(validation_alias="summary")
    area: str
    livello: str = Field(validation_alias="level")
    modalita: str = Field(validation_alias="delivery_mode")
    ore: Decimal | None = Field(validation_alias="total_hours")
    gratuito: bool = Field(validation_alias="is_free")
    quota: Amount | None = Field(validation_alias="fee", description=AMOUNT)
    stato: str
    edizioni: list[Edition]

    @staticmethod
    def resolve_url(obj, context):
        return full_url(obj, context)

    @staticmethod
    def resolve_stato(obj):
        return str(obj.status())

    @staticmethod
    def resolve_edizioni(obj):
        return obj.sorted_sessions


class NewsArticle(Schema):
    id: int = Field(description="Identificativo stabile: l'id della pagina.")
    titolo: str = Field(validation_alias="title")
    url: str
    data: date = Field(validation_alias="date")
    tipo: str = Field(validation_alias="kind")
    sintesi: str = Field(validation_alias="summary")
    scadenza: datetime | None = Field(validation_alias="closes_at", description="Per i bandi: quando chiudono.")

    @staticmethod
    def resolve_url(obj, context):
        return full_url(obj, context)


class Event(Schema):
    id: int = Field(description="Identificativo stabile: l'id della pagina.")
    titolo: str = Field(validation_alias="title")
    url: str
    sintesi: str = Field(validation_alias="summary")
    inizio: datetime = Field(validation_alias="start")
    fine: datetime = Field(validation_alias="end")
    annullato: bool = Field(validation_alias="cancelled")
    sede: Venue | None = Field(validation_alias="venue")
    online: str = Field(validation_alias="online_url")
    posti: int | None = Field(validation_alias="seats")
    posti_occupati: int = Field(validation_alias="seats_taken")
    iscrizioni_aperte: bool = Field(validation_alias="registration_open")

    @staticmethod
    def resolve_url(obj, context):
        return full_url(obj, context)
