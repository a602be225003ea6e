"""The register as files: a CSV an Italian office opens as it is (core/spreadsheets.py: UTF-8 with
BOM, `;`, 1250000,50 and 15/03/2026, text that a spreadsheet would run as a formula neutralised) and JSON for machines (ISO dates, amounts as decimal strings,
so no rounding on the way). Column and key names are a public interface: only ever append."""

import json

from django.http import HttpResponse

from core.licence import JSON_KEY, LICENCE_URL, licensed
from core.spreadsheets import italian_csv_response

from .register import LAW, THRESHOLD

CSV_HEADER = [
    "Anno",
    "Ente erogante",
    "Codice fiscale ente",
    "Importo (euro)",
    "Data di incasso",
    "Causale",
    "Progetto",
    "Indirizzo del progetto",
]


def csv_response(request, years):
    rows = [
        [
            entry.year,
            receipt.granting_body.name,
            receipt.granting_body.fiscal_code,
            receipt.amount,
            receipt.received_on,
            receipt.reason,
            receipt.public_project.title if receipt.public_project else "",
            receipt.public_project.get_full_url(request) if receipt.public_project else "",
        ]
        for entry in years
        for receipt in entry.receipts
    ]
    return licensed(
        italian_csv_response("contributi-pubblici-ricevuti.csv", [("Contributi pubblici ricevuti", CSV_HEADER, rows)])
    )


def receipt_record(request, receipt):
    project = receipt.public_project
    return {
        "ente_erogante": receipt.granting_body.name,
        "codice_fiscale": receipt.granting_body.fiscal_code,
        "importo": str(receipt.amount),
        "data_incasso": receipt.received_on.isoformat(),
        "causale": receipt.reason,
        "progetto": {"titolo": project.title, "url": project.get_full_url(request)} if project else None,
    }


def json_response(request, years):
    data = {
        "norma": LAW,
        "valuta": "EUR",
        "soglia": f"{THRESHOLD:.2f}",
        "anni": [
            {
                "anno": entry.year,
                "totale": f"{entry.total:.2f}",
                "soglia_raggiunta": entry.threshold_reached,
                "contributi": [receipt_record(request, receipt) for receipt in entry.receipts],
            }
            for entry in years
        ],
        JSON_KEY: LICENCE_URL,
    }
    response = HttpResponse(json.dumps(data, ensure_ascii=False), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="contributi-pubblici-ricevuti.json"'
    return licensed(response, cross_origin=True)
