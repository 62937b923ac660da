from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from registry import demo


class Command(BaseCommand):
    help = "Build the demo province (modelled on Nghe An) with its people; safe to run again."

    def handle(self, *args, **options):
        org = demo.build_organisation()
        logins = demo.build_users(org)
        self.stdout.write(self.style.SUCCESS(_("Demo data is ready.")))
        self.stdout.write(
            _("Demo logins (password for all: %(password)s):") % {"password": logins[0][1]}
        )
        for username, _password, described in logins:
            self.stdout.write(f"  {username:<18} {described}")
