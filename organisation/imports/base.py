"""What an import kind is, and the registry that holds them (R39).

A kind names its columns (with Vietnamese headers, allowed values and an example) and answers a
`Plan` for the rows of a file: one `Action` per row that is created, changed or left alone, and
one `Refusal` per cell that is wrong. Applying a plan runs every action's `apply`, in order, in
the one transaction of `organisation.services.imports.import_apply`.
"""

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import translation
from django.utils.translation import gettext, gettext_noop

from core.text import fold

KINDS: dict[str, "ImportKind"] = {}


def register(kind: "ImportKind") -> "ImportKind":
    if kind.name in KINDS:
        raise ValueError(f"an import kind is already named {kind.name!r}")
    KINDS[kind.name] = kind
    return kind


def vietnamese(text) -> str:
    """A label as the Vietnamese template and the Vietnamese messages show it."""
    with translation.override("vi"):
        return str(text)


def vi(message: str, **params) -> str:
    """A refusal's reason, in Vietnamese whatever the administrator's language (R39)."""
    with translation.override("vi"):
        return gettext(message) % params if params else gettext(message)


@dataclass
class Column:
    key: str
    header: str  # Vietnamese, as in the template
    required: bool = False
    choices: Callable[[], list[str]] | None = None  # allowed values, listed in the template
    example: str = ""
    note: str = ""


@dataclass
class Refusal:
    row: int
    column: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class Action:
    row: int
    verb: str  # created, changed, unchanged
    label: str
    changes: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"row": self.row, "verb": self.verb, "label": self.label, "changes": self.changes}


@dataclass
class Plan:
    actions: list[Action] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    steps: list[Callable[[], object]] = field(default_factory=list)  # applied in this order
    # Set while applying: a step that applies many rows at once reports them with `advance`;
    # any other step counts as one row.
    progress: object = None

    def advance(self, rows: int) -> None:
        if self.progress is not None:
            self.progress.advance(rows)

    def counts(self) -> dict:
        counts = {"created": 0, "changed": 0, "unchanged": 0}
        for action in self.actions:
            counts[action.verb] += 1
        return counts

    def refuse_duplicate(self, number: int, column: "Column", seen: dict, key) -> bool:
        """True, with the row refused, when an earlier row of the file had this key; otherwise the
        row is remembered under it."""
        if key in seen:
            message = vi(gettext_noop("Duplicate of row %(row)s."), row=seen[key])
            self.refusals.append(Refusal(number, column.header, message))
            return True
        seen[key] = number
        return False


class RowRefused(Exception):
    def __init__(self, column: "Column", message: str):
        super().__init__(message)
        self.column, self.message = column, message


class ImportKind:
    """Subclasses set `name`, `label`, `columns` and implement `plan(rows, province, by)`."""

    name: str
    label: str
    columns: list[Column]
    # Applied in this order when a province is set up from scratch.
    order: int = 100

    def headers(self) -> dict[str, Column]:
        """Header text (folded: case and diacritics ignored) → column, the key accepted too."""
        found = {}
        for column in self.columns:
            found[fold(column.header)] = column
            found[fold(column.key)] = column
        return found

    def records(self, header: list[str], rows, plan: Plan) -> list[tuple[int, dict]]:
        """Each row as {column key: value}; a missing required column refuses the file."""
        known = self.headers()
        positions = {}
        for index, text in enumerate(header):
            column = known.get(fold(text))
            if column is not None:
                positions[column.key] = index
        for column in self.columns:
            if column.required and column.key not in positions:
                plan.refusals.append(
                    Refusal(1, column.header, vi(gettext_noop("This column is missing.")))
                )
        if plan.refusals:
            return []
        records = []
        for number, row in rows:
            values = {
                key: (row[index] if index < len(row) else "") for key, index in positions.items()
            }
            records.append((number, values))
        return records

    def plan(self, header, rows, province, by) -> Plan:
        raise NotImplementedError

    def column(self, key: str) -> Column:
        return next(column for column in self.columns if column.key == key)


def text(values, column: Column, *, max_length: int = 300) -> str:
    value = values.get(column.key, "")
    value = value.isoformat() if isinstance(value, date) else str(value).strip()
    if column.required and not value:
        raise RowRefused(column, vi(gettext_noop("This cell is required.")))
    if len(value) > max_length:
        raise RowRefused(
            column, vi(gettext_noop("At most %(count)s characters."), count=max_length)
        )
    return value


DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def day(values, column: Column) -> date | None:
    """A date written dd/mm/yyyy (or a date cell of the workbook)."""
    value = values.get(column.key, "")
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    value = str(value).strip()
    if not value:
        if column.required:
            raise RowRefused(column, vi(gettext_noop("This cell is required.")))
        return None
    match = DATE.match(value)
    if match:
        try:
            return date(int(match[3]), int(match[2]), int(match[1]))
        except ValueError:
            pass
    raise RowRefused(
        column, vi(gettext_noop("“%(value)s” is not a date written dd/mm/yyyy."), value=value)
    )


def choice(values, column: Column, options: dict[str, str]) -> str:
    """One of `options` (label → value), by its label or its value, case and marks ignored."""
    raw = text(values, column)
    if not raw:
        return ""
    folded = {fold(label): value for label, value in options.items()}
    folded.update({fold(value): value for value in options.values()})
    if fold(raw) in folded:
        return folded[fold(raw)]
    raise RowRefused(
        column,
        vi(
            gettext_noop("“%(value)s” is not one of the allowed values: %(allowed)s."),
            value=raw,
            allowed="; ".join(options),
        ),
    )


def yes_no(values, column: Column, default: bool = False) -> bool:
    raw = text(values, column)
    if not raw:
        return default
    if fold(raw) in {"co", "x", "1", "yes", "true"}:
        return True
    if fold(raw) in {"khong", "0", "no", "false"}:
        return False
    raise RowRefused(
        column, vi(gettext_noop("“%(value)s” is neither “Có” nor “Không”."), value=raw)
    )


YES_NO = ["Có", "Không"]


def show(value) -> str:
    """A value as the preview lists it."""
    if value is None or value == "":
        return "—"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return str(value)
