"""Keep the Vietnamese catalogues in step with the code (R33).

    manage.py translations update   extract new strings into the .po files, compile the .mo files
    manage.py translations compile  compile the .mo files only (no GNU gettext needed)
    manage.py translations check    fail if the code has strings the catalogues lack

Catalogues live beside the code they translate (`registry/locale`, …, `locale` for the project's
own templates). The .mo files are committed, so a fresh machine needs no gettext tools.
"""

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

LANGUAGE = "vi"
IGNORE = [
    ".venv",
    "node_modules",
    "staticfiles",
    "var",
    "bench",
    "tests",
    "*/tests",
    "test-artifacts",
]


def catalogues(root: Path) -> list[Path]:
    found = [Path(path) / LANGUAGE / "LC_MESSAGES" / "django.po" for path in settings.LOCALE_PATHS]
    return [root / path.relative_to(settings.BASE_DIR) for path in found if path.exists()]


def extract(root: Path) -> None:
    command = [
        sys.executable,
        "manage.py",
        "makemessages",
        "-l",
        LANGUAGE,
        "--no-obsolete",
        "--no-location",
        "-e",
        "html,txt,py",
    ]
    for pattern in IGNORE:
        command += ["-i", pattern]
    subprocess.run(command, cwd=root, check=True, capture_output=True)  # noqa: S603


def compile_all(root: Path) -> list[Path]:
    written = []
    for po_path in catalogues(root):
        polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
        written.append(po_path.with_suffix(".mo"))
    return written


def msgids(po_path: Path) -> set[tuple[str, str]]:
    return {
        (entry.msgctxt or "", entry.msgid)
        for entry in polib.pofile(str(po_path))
        if not entry.obsolete
    }


class Command(BaseCommand):
    help = "Update, compile or check the Vietnamese translation catalogues."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "compile", "check"])

    def handle(self, *args, action, **options):
        root = Path(settings.BASE_DIR)
        if action in {"update", "check"} and not shutil.which("xgettext"):
            raise CommandError("GNU gettext (xgettext) is needed: apt-get install gettext")
        if action == "update":
            extract(root)
        if action in {"update", "compile"}:
            for path in compile_all(root):
                self.stdout.write(f"compiled {path.relative_to(root)}")
            return
        self.check_catalogues(root)

    def check_catalogues(self, root: Path) -> None:
        with tempfile.TemporaryDirectory() as temp:
            copy = Path(temp) / "src"
            shutil.copytree(root, copy, ignore=shutil.ignore_patterns(*IGNORE, ".git", "*.pyc"))
            extract(copy)
            missing = []
            for po_path in catalogues(root):
                fresh = copy / po_path.relative_to(root)
                missing += [
                    f"{po_path.relative_to(root)}: {msgid!r}"
                    for _ctx, msgid in sorted(msgids(fresh) - msgids(po_path))
                ]
        if missing:
            raise CommandError("Strings missing from the catalogues:\n" + "\n".join(missing))
        self.stdout.write("catalogues cover every string")
