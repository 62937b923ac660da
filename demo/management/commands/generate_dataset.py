import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from demo.dataset import recognition, registry
from organisation.models import Province
from recognition import criteria_data
from recognition.models import CriteriaSet, Criterion

# Each part adds its app's rows, in this order, inside one transaction.
GENERATORS = [registry, recognition]


class Command(BaseCommand):
    help = "Build a national-scale dataset for benchmarks (34 provinces, ~13,000 units, ~150,000 bright spots)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--provinces",
            type=int,
            default=34,
            choices=range(1, len(registry.PROVINCES) + 1),
            metavar="N",
        )
        parser.add_argument("--units-per-province", type=int, default=380, metavar="M")
        parser.add_argument("--years", type=int, default=5, metavar="Y")
        parser.add_argument(
            "--bright-spots-per-year", type=int, default=880, metavar="B", help="per province"
        )
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--flush", action="store_true", help="empty the database first")
        parser.add_argument(
            "--check",
            action="store_true",
            help="print the dataset's counts (alone: of the dataset already there, building none)",
        )

    def handle(self, *args, **options):
        if options["check"] and not options["flush"]:
            return self.check_counts()
        if options["units_per_province"] < 40:
            raise CommandError("--units-per-province must be at least 40")
        if options["flush"]:
            call_command("flush", interactive=False, verbosity=0)
            criteria_data.install(CriteriaSet, Criterion)  # flush also emptied the shipped criteria
        elif Province.objects.exists():
            raise CommandError(
                "The database already holds provinces; use --flush on a benchmark database."
            )
        started = time.monotonic()
        context = {
            "options": options,
            "step": lambda name, detail: self.stdout.write(
                f"{name}: {detail} ({time.monotonic() - started:.1f} s)"
            ),
        }
        with transaction.atomic():
            for generator in GENERATORS:
                generator.generate(context)
            if connection.vendor == "postgresql":
                # Rows went in by COPY with the foreign keys deferred: check them all now, before
                # the commit, so a broken dataset stops here with the constraint's name.
                with connection.cursor() as cursor:
                    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                context["step"]("constraints", "every foreign key checked")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                # The planner's statistics and the visibility map, as autovacuum leaves a table
                # some time after a bulk load: index-only scans need not visit the rows. Inside
                # a transaction (a test) VACUUM cannot run: the statistics alone.
                cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        self.stdout.write(
            self.style.SUCCESS(f"dataset ready in {time.monotonic() - started:.0f} s")
        )
        if options["check"]:
            self.check_counts()

    def check_counts(self):
        """The counts a benchmark depends on, and whether the dataset is there at all."""
        from organisation.models import Unit, User
        from recognition.models import Certificate, Decision, Dossier
        from registry.models import AnnualReport, BrightSpot, ProgressEntry, Registration

        counts = {
            "provinces": Province.objects.count(),
            "units": Unit.objects.count(),
            "users": User.objects.count(),
            "registrations": Registration.objects.count(),
            "bright spots": BrightSpot.objects.count(),
            "bright spots submitted": BrightSpot.objects.exclude(status="draft").count(),
            "progress entries": ProgressEntry.objects.count(),
            "annual reports": AnnualReport.objects.count(),
            "dossiers": Dossier.objects.count(),
            "decisions": Decision.objects.count(),
            "certificates": Certificate.objects.count(),
        }
        years = BrightSpot.objects.values_list("year", flat=True).distinct().order_by("year")
        for label, count in counts.items():
            self.stdout.write(f"{label}: {count}")
        self.stdout.write(f"years: {', '.join(map(str, years)) or '—'}")
        if not counts["bright spots"]:
            raise CommandError("no dataset here: run generate_dataset --flush first")
