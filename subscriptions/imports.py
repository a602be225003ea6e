"""Importing subscribers from a CSV file with their consent dates (from a previous list): every row
is checked first, and either all valid rows are imported in one transaction or, when any row has an
error, nothing is and the errors are listed in Italian with their row numbers.

Columns (header row, `;` or `,`): email, nome (optional), argomenti (slugs or names separated by
`,` or `|`), lingua (it/en, optional), data_consenso (gg/mm/aaaa[ hh:mm] or aaaa-mm-gg). An address
that withdrew its consent is never added again; one already on the list is left as it is."""

import csv
import datetime
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone

from .models import ConsentEvent, Subscriber, Topic

MAX_BYTES = 5 * 1024 * 1024
REQUIRED = ["email", "argomenti", "data_consenso"]
DATE_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d"]
IMPORT_VERSION = "importazione"


@dataclass
class ImportResult:
    errors: list = field(default_factory=list)
    imported: int = 0
    already_present: list = field(default_factory=list)
    withdrawn: list = field(default_factory=list)


@dataclass
class Row:
    email: str
    name: str
    topics: list
    language: str
    consented_at: datetime.datetime


def _text(upload):
    raw = upload.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise ValueError("Il file supera i 5 MB: dividilo in più file.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValueError("Il file non è un testo leggibile: salvalo come CSV UTF-8.")


def _consent_date(value):
    for fmt in DATE_FORMATS:
        try:
            parsed = datetime.datetime.strptime(value.strip(), fmt)
        except ValueError:
            continue
        return timezone.make_aware(parsed)
    raise ValueError


def _topics(value, topics_by_key):
    keys = [part.strip().lower() for part in value.replace("|", ",").split(",") if part.strip()]
    unknown = [key for key in keys if key not in topics_by_key]
    return [topics_by_key[key] for key in keys if key in topics_by_key], unknown


def _parse_row(number, record, topics_by_key, now):
    """(Row, errors) for one line of the file."""
    errors = []
    email = (record.get("email") or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        errors.append(f"Riga {number}: l'indirizzo e-mail «{email}» non è valido.")
    topics, unknown = _topics(record.get("argomenti") or "", topics_by_key)
    if unknown:
        errors.append(f"Riga {number}: argomento sconosciuto «{', '.join(unknown)}».")
    elif not topics:
        errors.append(f"Riga {number}: indica almeno un argomento.")
    language = (record.get("lingua") or "it").strip().lower()
    if language not in ("it", "en"):
        errors.append(f"Riga {number}: la lingua «{language}» non è valida (it oppure en).")
    consented_at = None
    try:
        consented_at = _consent_date(record.get("data_consenso") or "")
        if consented_at > now:
            errors.append(f"Riga {number}: la data del consenso è nel futuro.")
    except ValueError:
        value = record.get("data_consenso") or ""
        errors.append(f"Riga {number}: la data del consenso «{value}» non è valida (gg/mm/aaaa).")
    name = (record.get("nome") or "").strip()[:120]
    return Row(email, name, topics, language, consented_at), errors


def read_rows(upload):
    """(rows, errors) from the uploaded file."""
    text = _text(upload)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=";,")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    reader.fieldnames = [(name or "").strip().lower() for name in reader.fieldnames or []]
    missing = [column for column in REQUIRED if column not in reader.fieldnames]
    if missing:
        return [], [f"Mancano le colonne: {', '.join(missing)}. La prima riga deve contenere i nomi delle colonne."]
    topics_by_key = {}
    for topic in Topic.objects.all():
        topics_by_key[topic.slug.lower()] = topic
        topics_by_key[topic.name.lower()] = topic
    rows, errors, seen, now = [], [], set(), timezone.now()
    for number, record in enumerate(reader, start=2):
        if not any((value or "").strip() for value in record.values() if isinstance(value, str)):
            continue
        row, row_errors = _parse_row(number, record, topics_by_key, now)
        if row.email in seen:
            row_errors.append(f"Riga {number}: l'indirizzo {row.email} compare più volte nel file.")
        seen.add(row.email)
        rows.append(row)
        errors.extend(row_errors)
    if not rows and not errors:
        errors.append("Il file non contiene righe da importare.")
    return rows, errors


def import_subscribers(upload):
    """Read and, when no row has errors, import: all or nothing."""
    result = ImportResult()
    try:
        rows, result.errors = read_rows(upload)
    except ValueError as error:
        result.errors = [str(error)]
    except csv.Error:
        result.errors = ["Il file non è un CSV leggibile: salvalo come CSV UTF-8 dal foglio di calcolo."]
    if result.errors:
        return result
    source = "importazione CSV del " + timezone.localdate().strftime("%d/%m/%Y")
    existing = {s.email: s for s in Subscriber.objects.filter(email__in=[row.email for row in rows])}
    with transaction.atomic():
        for row in rows:
            known = existing.get(row.email)
            if known is not None:
                target = result.withdrawn if known.status == Subscriber.Status.UNSUBSCRIBED else result.already_present
                target.append(row.email)
                continue
            subscriber = Subscriber.objects.create(
                email=row.email,
                name=row.name,
                language=row.language,
                status=Subscriber.Status.ACTIVE,
                consent_version=IMPORT_VERSION,
                created_at=row.consented_at,
                confirmed_at=row.consented_at,
            )
            subscriber.topics.set(row.topics)
            subscriber.log(ConsentEvent.Action.IMPORT, when=row.consented_at, source=source)
            result.imported += 1
    return result
