import time

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from registry import dataset
from registry.models import Province, Unit, User


class Command(BaseCommand):
    help = "Build a national-scale dataset for benchmarks (34 provinces, ~13,000 units) with bulk inserts."

    def add_arguments(self, parser):
        parser.add_argument(
            "--provinces",
            type=int,
            default=34,
            choices=range(1, len(dataset.PROVINCES) + 1),
            metavar="N",
        )
        parser.add_argument("--units-per-province", type=int, default=380, metavar="M")
        parser.add_argument("--years", type=int, default=5, metavar="Y")
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument("--flush", action="store_true", help="empty the database first")

    def handle(self, *args, provinces, units_per_province, years, seed, flush, **options):
        if units_per_province < 40:
            raise CommandError("--units-per-province must be at least 40")
        if flush:
            call_command("flush", interactive=False, verbosity=0)
        elif Province.objects.exists():
            raise CommandError(
                "The database already holds provinces; use --flush on a benchmark database."
            )
        started = time.monotonic()
        with transaction.atomic():
            built = dataset.generate_organisation(
                provinces=provinces, units_per_province=units_per_province, seed=seed
            )
            self._step(
                "organisation",
                started,
                f"{Unit.objects.count()} units, {User.objects.count()} users",
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"dataset ready in {time.monotonic() - started:.0f} s ({len(built)} provinces, {years} years)"
            )
        )

    def _step(self, name, started, detail):
        self.stdout.write(f"{name}: {detail} ({time.monotonic() - started:.1f} s)")
