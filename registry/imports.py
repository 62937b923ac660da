"""Past years' bright spots as an import kind (R39): the registration, the routing and the
review outcome, kept as history. Registered with the organisation's imports (`registry` stands
above `organisation`, so it adds its kind there). Matched by name, unit and year, so a second
import of the same file changes nothing. A row recognized gives the number and date of the
Decision: the registry checks their form, and recognition (through `registry.past`) records the
Decision, dossier and certificate."""

import re
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_noop

from core.text import fold, nfc
from organisation.imports.base import (
    Action,
    Column,
    ImportKind,
    Plan,
    Refusal,
    RowRefused,
    choice,
    day,
    register,
    text,
    vi,
    vietnamese,
)
from organisation.imports.kinds import FIELDS, UnitIndex
from organisation.models import Level
from organisation.routing import route
from registry import past
from registry.models import BrightSpot, Registration, Timeliness

DECISION_NUMBER = re.compile(r"^(?P<number>\d{1,6})\s*/\s*(?P<symbol>[^\W_][\w.-]*)$")

LEVELS = lambda: {vietnamese(label): value for value, label in Level.choices}  # noqa: E731
OUTCOMES = lambda: {  # noqa: E731
    vietnamese(BrightSpot.Status.ACCEPTED.label): BrightSpot.Status.ACCEPTED,
    vietnamese(BrightSpot.Status.RETURNED.label): BrightSpot.Status.RETURNED,
    vietnamese(BrightSpot.Status.SUBMITTED.label): BrightSpot.Status.SUBMITTED,
}


def _moment(value) -> datetime:
    return timezone.make_aware(datetime.combine(value, time(9, 0)))


class PastBrightSpotsImport(ImportKind):
    name = "past_bright_spots"
    label = gettext_noop("Bright spots of past years")
    order = 50
    columns = [
        Column("unit", "Đơn vị (mã hoặc tên)", required=True, example="17011"),
        Column("year", "Năm", required=True, example="2022"),
        Column("field", "Lĩnh vực", required=True, choices=lambda: list(FIELDS()), example="QCDC"),
        Column("level", "Cấp xây dựng", required=True, choices=lambda: list(LEVELS()),
               example=vietnamese(Level.COMMUNE.label)),
        Column("name", "Tên điểm sáng", required=True, example="Đối thoại định kỳ với Nhân dân"),
        Column("address", "Địa chỉ", required=True, example="Xóm 3, xã Nghĩa Dũng"),
        Column("objectives", "Mục tiêu", example="Nâng cao chất lượng đối thoại"),
        Column("plan", "Kế hoạch thực hiện"),
        Column("outcome", "Kết quả thẩm định", choices=lambda: list(OUTCOMES()),
               example=vietnamese(BrightSpot.Status.ACCEPTED.label)),
        Column("submitted", "Ngày đăng ký", example="30/03/2022", note="dd/mm/yyyy"),
        Column("reviewed", "Ngày thẩm định", example="15/04/2022", note="dd/mm/yyyy"),
        Column("decision", "Số Quyết định công nhận", example="2125/QĐ-UBND",
               note="Nếu đã được công nhận: số/ký hiệu của Quyết định."),
        Column("decision_date", "Ngày Quyết định", example="20/12/2022", note="dd/mm/yyyy"),
    ]  # fmt: skip

    def _decision(self, values, year: int, outcome: str) -> past.PastDecision | None:
        """The Decision that recognized the bright spot, when the row gives one."""
        col = self.column
        raw = nfc(text(values, col("decision"), max_length=60))
        when = day(values, col("decision_date"))
        if not raw and when is None:
            return None
        match = DECISION_NUMBER.match(raw)
        if not match or int(match["number"]) == 0:
            raise RowRefused(col("decision"), vi(gettext_noop(
                "Write the Decision's number and symbol as 125/QĐ-UBND.")))  # fmt: skip
        if when is None:
            raise RowRefused(col("decision_date"), vi(gettext_noop(
                "Give the date of the Decision (dd/mm/yyyy).")))  # fmt: skip
        if when.year not in (year, year + 1):
            raise RowRefused(col("decision_date"), vi(gettext_noop(
                "A Decision recognizing bright spots of %(year)s is dated in %(year)s or the "
                "year after."), year=year))  # fmt: skip
        if outcome != BrightSpot.Status.ACCEPTED:
            raise RowRefused(col("decision"), vi(gettext_noop(
                "Only an accepted bright spot can have been recognized.")))  # fmt: skip
        if past.recognizer() is None:
            raise RowRefused(col("decision"), vi(gettext_noop(
                "Recognition is not installed: Decisions cannot be imported.")))  # fmt: skip
        return past.PastDecision(int(match["number"]), match["symbol"], when)

    def plan(self, header, rows, province, by) -> Plan:
        plan, units, col = Plan(), UnitIndex(province), self.column
        records = self.records(header, rows, plan)
        if by is None and records:
            plan.refusals.append(
                Refusal(
                    1,
                    "",
                    vi(
                        gettext_noop(
                            "Past bright spots are imported by a person: run the command with --by."
                        )
                    ),
                )
            )
            return plan
        existing = {
            (fold(b.name), b.unit_id, b.year)
            for b in BrightSpot.objects.filter(province=province).only("name", "unit_id", "year")
        }
        this_year, seen, steps = timezone.localdate().year, {}, []
        for number, values in records:
            try:
                unit = units.find(text(values, col("unit")), col("unit"))
                raw_year = text(values, col("year"))
                if not raw_year.isdigit() or not 2000 <= int(raw_year) <= this_year:
                    raise RowRefused(
                        col("year"),
                        vi(
                            gettext_noop("A year between 2000 and this year."),
                        ),
                    )
                year = int(raw_year)
                field = choice(values, col("field"), FIELDS())
                level = choice(values, col("level"), LEVELS())
                outcome = choice(values, col("outcome"), OUTCOMES()) or BrightSpot.Status.ACCEPTED
                submitted = day(values, col("submitted")) or datetime(year, 3, 30).date()
                reviewed = day(values, col("reviewed")) or submitted
                try:
                    rule = route(unit=unit, level=level, field=field, on=submitted)
                except ValidationError as error:
                    raise RowRefused(col("level"), " ".join(error.messages)) from None
                decision = self._decision(values, year, outcome)
                if decision is not None:
                    problem = past.recognizer().check(
                        committee=rule.recipient, year=year, field=field, decision=decision
                    )
                    if problem:
                        raise RowRefused(col("decision"), problem)
                spot = {
                    "name": nfc(text(values, col("name"))),
                    "address": nfc(text(values, col("address"))),
                    "objectives": text(values, col("objectives"), max_length=5000),
                    "plan": text(values, col("plan"), max_length=20000),
                }
            except RowRefused as refusal:
                plan.refusals.append(Refusal(number, refusal.column.header, refusal.message))
                continue
            key = (fold(spot["name"]), unit.pk, year)
            if plan.refuse_duplicate(number, col("name"), seen, key):
                continue
            label = f"{spot['name']} · {unit.name} · {year}"
            if key in existing:
                plan.actions.append(Action(number, "unchanged", label))
                continue
            plan.actions.append(Action(number, "created", label))
            steps.append(
                lambda u=unit, y=year, f=field, lv=level, o=outcome, s=submitted, r=reviewed, rule=rule, spot=spot, d=decision: (
                    _create(province, u, y, f, lv, o, s, r, rule, spot, by, d)
                )
            )
        plan.steps = steps
        return plan  # fmt: skip


def _create(province, unit, year, field, level, outcome, submitted, reviewed, rule, spot, by,
            decision=None):  # fmt: skip
    registration, _created = Registration.objects.get_or_create(
        unit=unit, year=year,
        defaults={"province": province, "status": Registration.Status.SUBMITTED,
                  "submitted_at": _moment(submitted), "submitted_by": by,
                  "timeliness": Timeliness.ON_TIME},
    )  # fmt: skip
    reviewed_at = _moment(reviewed) if outcome != BrightSpot.Status.SUBMITTED else None
    bright_spot = BrightSpot.objects.create(
        province=province, unit=unit, registration=registration, year=year, field=field,
        level=level, status=outcome, recipient=rule.recipient, via=rule.via,
        copy_to=rule.copy_to, submitted_at=_moment(submitted), timeliness=Timeliness.ON_TIME,
        reviewed_at=reviewed_at, reviewed_by=by if reviewed_at else None, created_by=by,
        **spot,
    )  # fmt: skip
    if decision is not None:
        past.recognizer().record(bright_spot=bright_spot, decision=decision, by=by)


register(PastBrightSpotsImport())
