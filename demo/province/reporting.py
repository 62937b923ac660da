"""Reporting's part of the demo: how Nghệ An's synthesis report is headed and signed. Since 2025
the Provincial Party Committee's Mass Mobilization Committee is part of the Propaganda and Mass
Mobilization Committee (R3); the signer is made up."""

from reporting.models import Letterhead


def build(context: dict) -> None:
    province = context["province"]
    Letterhead.objects.get_or_create(
        province=province,
        defaults={
            "parent_authority": f"TỈNH ỦY {province.name.upper()}",
            "authority": "BAN TUYÊN GIÁO VÀ DÂN VẬN",
            "authority_in_text": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
            "number_symbol": "BC/BTGDVTU",
            "addressee": "Ban Thường vụ Tỉnh ủy",
            "signing_form": "T/M BAN TUYÊN GIÁO VÀ DÂN VẬN\nPHÓ TRƯỞNG BAN",
            "signer_name": "Nguyễn Văn Mẫu",
            "recipients": "\n".join(
                [
                    "- Thường trực Tỉnh ủy (b/c);",
                    "- Ban Thường vụ Tỉnh ủy (b/c);",
                    "- Ban Chỉ đạo phong trào thi đua “Dân vận khéo” và thực hiện QCDC ở cơ sở tỉnh;",
                    "- Sở Nội vụ;",
                    "- Lưu VT.",
                ]
            ),
        },
    )
