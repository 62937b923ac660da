from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from demo.province import programme, recognition, registry, reminders, reporting
from reminders.services import in_app_only

# Each part builds what its app holds, in this order; later parts find what earlier ones built
# in the shared context.
BUILDERS = [registry, recognition, programme, reporting, reminders]


class Command(BaseCommand):
    help = "Build the demo province (modelled on Nghe An) with its people and years of work; safe to run again."

    def handle(self, *args, **options):
        context = {}
        # The demo's people have made-up addresses: what happens to their work is told under
        # the bell only (R36), as the demo's reminders are.
        with in_app_only():
            for builder in BUILDERS:
                builder.build(context)
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        for year, counts in sorted(context.get("registrations", {}).items()):
            self.stdout.write(f"  {year}: QCDC {counts['qcdc']}, DVCQ {counts['dvcq']}")
        logins = context["logins"]
        self.stdout.write(
            _("Demo logins (password for all: %(password)s):") % {"password": logins[0][1]}
        )
        for username, _password, described in logins:
            self.stdout.write(f"  {username:<18} {described}")
