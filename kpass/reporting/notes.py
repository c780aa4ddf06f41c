"""The German notes of an export (sheet ``Hinweise``): what the figures mean and how they are
protected. A section is a heading with ``None`` as its text; the other entries are term and text.
"""

from __future__ import annotations

from kpass.reporting.definitions import (
    MEASURE_DEFINITIONS,
    MEASURE_TITLES,
    OFFICIAL_USE_ONLY,
    SUPPRESSED_MARK,
    TOTAL_LABEL,
    get_dimension,
)
from kpass.reporting.suppression import PRIMARY_MAX, PRIMARY_MIN
from kpass.reporting.tables import StatisticsReport

Note = tuple[str, str | None]

TITLE = "Karlsruher Pass und Karlsruher Kinderpass – Statistik"

SUPPRESSION_NOTES: tuple[Note, ...] = (
    (
        "Primäre Geheimhaltung",
        f"Jede Zahl von {PRIMARY_MIN} bis {PRIMARY_MAX} ist durch {SUPPRESSED_MARK} ersetzt, "
        "weil so kleine Zahlen Personen erkennbar machen können. Eine 0 bleibt stehen.",
    ),
    (
        "Sekundäre Geheimhaltung",
        "In jeder Zeile und jeder Spalte einer Tabelle (Summen zählen als Zellen ihrer Zeile "
        f"oder Spalte): Ist genau eine Zelle durch {SUPPRESSED_MARK} ersetzt, wird auch die "
        "kleinste andere Zelle ungleich 0 ersetzt, bei gleichen Werten die erste in der "
        "Reihenfolge der Merkmalswerte (Summe zuletzt). Das wird wiederholt, bis keine Zeile "
        "und keine Spalte mehr genau eine ersetzte Zelle hat.",
    ),
    (
        "Tabellen",
        "Geheimgehalten wird je Monat und Maß: eine Tabelle mit einem Merkmal ist eine Spalte "
        "mit ihrer Summe, eine mit zwei Merkmalen hat Zeilen, Spalten, Zeilen- und "
        "Spaltensummen und die Gesamtsumme.",
    ),
    (
        TOTAL_LABEL,
        "Summen werden aus den exakten Zahlen gebildet und gezeigt, sofern sie nicht selbst "
        f"durch {SUPPRESSED_MARK} ersetzt sind. Sie sind daher im Allgemeinen nicht die Summe der "
        "sichtbaren Zellen.",
    ),
    (
        "Übersicht",
        f"Die Monatssummen der Übersicht folgen nur der primären Geheimhaltung ({PRIMARY_MIN} "
        f"bis {PRIMARY_MAX} ersetzt).",
    ),
    (
        "Grenzen des Schutzes",
        "Die Geheimhaltung schützt jede Tabelle davor, eine ersetzte Zelle aus ihren eigenen "
        "Summen zurückzurechnen. Sie schützt nicht vor Differenzbildung zwischen Tabellen "
        "verschiedener Aufgliederungen (z. B. Stadtteil und Stadtteil × Altersgruppe) oder "
        "zwischen Exporten verschiedener Zeiträume. Ergebnisse nur so weitergeben, dass daraus "
        "keine Einzelpersonen erkennbar werden.",
    ),
)


def report_notes(report: StatisticsReport) -> list[Note]:
    """All notes of ``report``, in sheet order."""
    dimension_keys: list[str] = []
    for breakdown in report.breakdowns:
        dimension_keys += [key for key in breakdown.dimensions if key not in dimension_keys]
    if report.exact:
        protection = (
            f"Exakte Zahlen ohne Geheimhaltung – {OFFICIAL_USE_ONLY}. Diese Datei darf die "
            "Behörde nicht verlassen. Für eine Weitergabe gelten die Regeln unten."
        )
    else:
        protection = (
            f"Zahlen, die Personen erkennbar machen könnten, sind durch {SUPPRESSED_MARK} "
            "ersetzt (Regeln unten)."
        )
    notes: list[Note] = [
        ("Bericht", None),
        ("Inhalt", TITLE),
        ("Zeitraum", f"{report.period} (Kalendermonate)"),
        ("Erstellt am", report.created_at.strftime("%d.%m.%Y, %H:%M Uhr")),
        ("Regelwerke", "; ".join(report.rule_sets) if report.rule_sets else "keine angegeben"),
        *([("Ausgebende Gemeinde", report.issuer)] if report.issuer else []),
        ("Geheimhaltung", protection),
        (
            "Aufgliederungen",
            "; ".join(b.title for b in report.breakdowns) or "keine (nur Monatssummen)",
        ),
        ("Maße", None),
    ]
    notes += [(MEASURE_TITLES[m], MEASURE_DEFINITIONS[m]) for m in report.measures]
    if dimension_keys:
        notes.append(("Merkmale", None))
        for key in dimension_keys:
            dimension = get_dimension(key)
            values = ", ".join(dimension.label(value) for value in dimension.values)
            notes.append((dimension.title, f"{dimension.definition} Werte: {values}."))
    notes.append(("Geheimhaltung (Regeln)", None))
    notes += SUPPRESSION_NOTES
    notes.append(
        (
            "Zeichen",
            f"{SUPPRESSED_MARK} = geheimgehalten; {TOTAL_LABEL} = Summe über alle Werte des "
            "Merkmals; Monate als JJJJ-MM.",
        )
    )
    return notes
