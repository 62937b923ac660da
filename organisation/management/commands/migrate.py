"""`manage.py migrate`, which first records organisation's first migration on a database from
before the organisation had its own app (organisation.bootstrap). Nothing else changes."""

from django.core.management.commands.migrate import Command as MigrateCommand

from organisation.bootstrap import record_first_migration


class Command(MigrateCommand):
    def handle(self, *args, **options):
        if record_first_migration(options["database"]):
            self.stdout.write("Recorded organisation.0001_initial (it moves models, runs no SQL).")
        return super().handle(*args, **options)
