"""What an app above the registry records about a past year's bright spot imported as
recognized (R39): the registry cannot import recognition, so recognition registers here the one
object that checks and records the Decision, its dossier and its certificate. Without it (the
registry alone), a Decision number in the import is refused at its row."""

from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class PastDecision:
    number: int  # 125 of "125/QĐ-UBND"
    symbol: str  # "QĐ-UBND"
    date: date


class PastRecognizer(Protocol):
    def check(self, *, committee, year: int, field: str, decision: PastDecision) -> str | None:
        """Why the bright spot cannot be recorded as recognized by this Decision (a Vietnamese
        sentence for the row), or None."""

    def record(self, *, bright_spot, decision: PastDecision, by) -> None:
        """Record the Decision (once per number), the recognized dossier and the certificate."""


_recognizer: list[PastRecognizer] = []


def register_recognizer(recognizer: PastRecognizer) -> PastRecognizer:
    _recognizer[:] = [recognizer]
    return recognizer


def recognizer() -> PastRecognizer | None:
    return _recognizer[0] if _recognizer else None
