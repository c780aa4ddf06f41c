"""What the dashboard's two charts show of the loaded figures, in words: the heading above
each chart, its labels and values, a tooltip per point or bar, and the summary a screen
reader reads.

No widgets here: :class:`~kpass.ui.dashboard.dashboard_widget.DashboardWidget` hands the
result to its line and bar chart, so the words can be checked without painting. The texts
keep the catalog context "DashboardWidget" they had as part of that widget, so their
translations stay.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from kpass.ui.dashboard.dashboard_data import DashboardData
from kpass.ui.dashboard.texts import dimension_label, month_label, month_label_short
from kpass.vocabulary import format_count


def _tr(text: str) -> str:
    return QCoreApplication.translate("DashboardWidget", text)


@dataclass(frozen=True)
class ChartContent:
    """One chart: its heading, and per point or bar a label, a value and a tooltip."""

    heading: str
    labels: list[str]
    values: list[int]
    texts: list[str]
    summary: str


def active_by_month(data: DashboardData) -> ChartContent:
    """The active passes of each month of the range (the line chart)."""
    series = data.active_series()
    months = [month for month, _ in series]
    period = (
        _tr("%1 bis %2")
        .replace("%1", month_label(months[0]))
        .replace("%2", month_label(months[-1]))
    )
    texts = [
        _tr("%1: %2 aktive Pässe")
        .replace("%1", month_label(month))
        .replace("%2", format_count(count))
        for month, count in series
    ]
    return ChartContent(
        heading=_tr("Aktive Pässe je Monat, %1").replace("%1", period),
        labels=[month_label_short(m) for m in months],
        values=[c for _, c in series],
        texts=texts,
        summary=_tr("Liniendiagramm der aktiven Pässe je Monat, %1.").replace("%1", period),
    )


def active_by_stadtteil(data: DashboardData) -> ChartContent:
    """The active passes of the last month by Stadtteil (the bar chart)."""
    last = month_label(data.request.last_month)
    labels = [dimension_label("stadtteil", key) for key, _ in data.by_stadtteil]
    texts = [
        _tr("%1: %2 aktive Pässe").replace("%1", label).replace("%2", format_count(n))
        for label, (_, n) in zip(labels, data.by_stadtteil, strict=True)
    ]
    return ChartContent(
        heading=_tr("Aktive Pässe nach Stadtteil, %1").replace("%1", last),
        labels=labels,
        values=[n for _, n in data.by_stadtteil],
        texts=texts,
        summary=_tr("Balkendiagramm der aktiven Pässe nach Stadtteil, %1.").replace("%1", last),
    )
