"""Issue 13, item 5: every PDF, DOCX and XLSX a user asks for is produced by a durable job
(core.renditions, reporting's exports), never inside the request. A view may send a file that
is already stored (FileResponse of a model's file, core.uploads.serve) or stream CSV text, but no
view module calls a function that renders a document: such a call belongs in a renderer
registered with core.renditions (an app's renditions.py), which the job runs."""

import ast
from pathlib import Path

from django.conf import settings

APPS = ["brightspots", "core", "organisation", "registry", "recognition", "reporting",
        "reminders", "demo"]  # fmt: skip
# What renders a document: the PDF engine, python-docx, openpyxl, XlsxWriter and the app's
# document builders. Any call of one of these names in a view module is a render in a request.
RENDERERS = {
    "render_pdf", "render_template_pdf", "layout_template", "layout_pdf", "write_pdf",
    "paper_pdf", "paper_docx", "to_bytes", "new_document", "sign_pdf", "render_certificate",
    "template_workbook", "Workbook", "Document", "decision_docx", "certificate_preview",
    "proposal_pdf", "proposal_docx", "proposal_xlsx", "recognition_request_file", "rendered",
    "registration_dispatch", "annual_report", "workbook", "write_workbook",
}  # fmt: skip


def view_modules():
    for app in APPS:
        root = Path(settings.BASE_DIR) / app
        yield from root.glob("views.py")
        yield from root.glob("views/*.py")
        yield from root.glob("*/views.py")  # organisation/imports/views.py


def render_calls(path: Path) -> list[tuple[int, str]]:
    """(line, name) of each call of a rendering function in the module."""
    calls = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in RENDERERS:
                calls.append((node.lineno, name))
    return calls


def test_no_view_renders_a_document_in_the_request():
    found = [f"{path.relative_to(settings.BASE_DIR)}:{line} {name}()"
             for path in view_modules() for line, name in render_calls(path)]  # fmt: skip
    assert not found, f"render in a job (core.renditions.register), not in the view: {found}"


def test_the_scan_sees_the_views_and_would_catch_a_render(tmp_path):
    paths = [path.relative_to(settings.BASE_DIR).as_posix() for path in view_modules()]
    assert "organisation/imports/views.py" in paths and "registry/views/papers.py" in paths
    sample = Path(settings.BASE_DIR) / "registry" / "views" / "papers.py"
    bad = tmp_path / "views.py"
    bad.write_text(sample.read_text() + "\n\ndef x(u):\n    return word.paper_docx(u)\n")
    assert [name for _line, name in render_calls(bad)] == ["paper_docx"]
