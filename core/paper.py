"""A unit's own administrative papers (issue 13, item 4): the registration dispatch, the annual
report, the recognition request. One description of the paper, `Paper`, is written both as a
Word draft (python-docx, `core.word`) and as a PDF (WeasyPrint, `core.pdf`), so both carry the
same words in the format of Decree 30/2020/NĐ-CP: the issuer and its number on the left, the
national motto and the place-and-date line on the right, the title or the "V/v" subject line,
"Kính gửi", the body, "Nơi nhận" and the signer block. Vietnamese by law, like
`core.documents`, whatever the interface language."""

import dataclasses


@dataclasses.dataclass(frozen=True)
class Table:
    header: list[str]
    rows: list[list[str]]
    widths_mm: list[float]


@dataclasses.dataclass(frozen=True)
class Heading:
    text: str


@dataclasses.dataclass(frozen=True)
class Paper:
    issuer: str  # the unit, written in capitals
    number_line: str  # "Số:      /CV-UBND"
    date_line: str  # "Nghệ An, ngày 10 tháng 3 năm 2026"
    parent: str = ""  # the body above the issuer, if any
    title: str = ""  # "BÁO CÁO", for a report; empty for a dispatch (công văn)
    subject: str = ""  # under the title, or the "V/v …" line of a dispatch
    addressees: tuple[str, ...] = ()  # "Kính gửi: …"
    body: tuple = ()  # paragraphs (str), Heading and Table, in order
    recipients: tuple[str, ...] = ("- Như trên;", "- Lưu: VT.")
    signing_lines: tuple[str, ...] = ()
    signer: str = "(Họ và tên)"

    @property
    def is_dispatch(self) -> bool:
        return not self.title

    def texts(self) -> list[str]:
        """Every line of words on the paper, in order (what both renderings must show)."""
        words = [self.parent.upper(), self.issuer.upper(), self.number_line,
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 self.date_line, self.title, self.subject]  # fmt: skip
        words += [self.addressee_line(line) for line in self.addressees]
        for block in self.body:
            if isinstance(block, Table):
                words += block.header + [str(v) for row in block.rows for v in row]
            else:
                words.append(block.text if isinstance(block, Heading) else block)
        words += ["Nơi nhận:", *self.recipients, *(line.upper() for line in self.signing_lines)]
        words.append(self.signer)
        return [word for word in words if word]

    @staticmethod
    def addressee_line(line: str) -> str:
        return f"Kính gửi: {line}"
