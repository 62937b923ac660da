"""Every download of the annual summary, registered here and nowhere else."""

from reporting.exports import tables
from reporting.exports.base import Exporter, ExportRequest
from reporting.exports.delimited import CsvTable
from reporting.exports.synthesis import SynthesisReport
from reporting.exports.workbook import Workbook

EXPORTERS: dict[str, Exporter] = {
    exporter.identifier: exporter
    for exporter in [
        Workbook(),
        SynthesisReport(),
        *(CsvTable(table) for table in [tables.OVERVIEW, *tables.TABLES]),
    ]
}


def get_exporter(identifier: str) -> Exporter | None:
    return EXPORTERS.get(identifier)


def csv_exporters() -> list[CsvTable]:
    return [e for e in EXPORTERS.values() if isinstance(e, CsvTable)]


__all__ = ["EXPORTERS", "ExportRequest", "Exporter", "csv_exporters", "get_exporter"]
