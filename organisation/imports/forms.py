from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.uploads import validate_upload
from organisation.imports.base import KINDS

TEXT_EXTENSIONS = (".csv", ".txt", ".tsv")


class ImportForm(forms.Form):
    province = forms.ModelChoiceField(queryset=None, label=_("Province"), empty_label=None)
    kind = forms.ChoiceField(label=_("What the file holds"))
    file = forms.FileField(
        label=_("File"),
        help_text=_("Excel (XLSX) or CSV (UTF-8, or Excel's Unicode text), up to 20 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,.txt,.tsv"}),
    )

    def __init__(self, *args, provinces, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["province"].queryset = provinces
        self.fields["kind"].choices = [
            (kind.name, _(kind.label)) for kind in sorted(KINDS.values(), key=lambda k: k.order)
        ]

    def clean_file(self):
        """An XLSX is checked as every upload is (R32); a CSV must be plain text."""
        file = self.cleaned_data["file"]
        name = (file.name or "").lower()
        if name.endswith(TEXT_EXTENSIONS):
            if file.size > settings.UPLOAD_MAX_BYTES:
                raise ValidationError(
                    _("The file is %(size)s; the limit is %(limit)s."),
                    code="too_large",
                    params={
                        "size": filesizeformat(file.size),
                        "limit": filesizeformat(settings.UPLOAD_MAX_BYTES),
                    },
                )
            head = file.read(4096)
            file.seek(0)
            is_utf16 = head.startswith((b"\xff\xfe", b"\xfe\xff"))
            if head.startswith((b"PK", b"%PDF", b"\x89PNG", b"\xff\xd8\xff")) or (
                b"\x00" in head and not is_utf16
            ):
                raise ValidationError(_("This file is not a CSV text file."), code="bad_type")
            return file
        if validate_upload(file) != "xlsx":
            raise ValidationError(
                _("Only Excel (XLSX) and CSV files can be imported."), code="bad_type"
            )
        return file
