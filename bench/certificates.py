"""Certificates (R20): render time against bare WeasyPrint, bulk rate, memory over many renders.

    .venv/bin/python -m bench.certificates [--renders 1000] [--repeat 30]

Goals: one certificate in a warm process at most 1.5x bare WeasyPrint on the same HTML, the
fair baseline being what a peer who knows WeasyPrint would write: `weasyprint.HTML(string=html)
.write_pdf()` with the fonts and CSS built ONCE and reused (issue 12: a baseline that rebuilt
them on every call could not lose); the naive per-call form is printed too, without a goal; resident memory after 1,000 renders under 300 MB, growing less
than 10% between render 200 and render 1,000.
"""

import argparse
import dataclasses
import datetime
import time

from bench.common import django_setup, machine, measure


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1024


def certificates(count: int):
    """Distinct certificates, as a Decision with many recognitions would issue them."""
    from recognition.certificate import sample_certificate_data

    base = dataclasses.replace(sample_certificate_data(), sample=False)
    names = [
        base.bright_spot_name,
        "Dân vận khéo trong giải phóng mặt bằng dự án đường ven biển",
        "Chính quyền thân thiện, gần dân, vì Nhân dân phục vụ " * 4,
        "Đối thoại trực tiếp giữa người đứng đầu cấp ủy, chính quyền với Nhân dân hằng quý",
    ]
    for index in range(count):
        yield dataclasses.replace(
            base,
            bright_spot_name=names[index % len(names)],
            serial=f"40-2025-{index + 1:06d}",
            decision_date=datetime.date(2026, 1, 5) + datetime.timedelta(days=index % 300),
        )


def bare_weasyprint(html: str, css: str):
    """The fair baseline: fonts and style sheets built once, as a peer would keep them."""
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from core import pdf

    font_config = FontConfiguration()
    stylesheets = [
        weasyprint.CSS(string=pdf._font_face_css() + pdf.BASE_CSS, font_config=font_config),
        weasyprint.CSS(string=css, font_config=font_config),
    ]

    def render():
        return weasyprint.HTML(string=html).write_pdf(
            stylesheets=stylesheets, font_config=font_config
        )

    return render


def naive_weasyprint(html: str, css: str):
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    from core import pdf

    def render():
        font_config = FontConfiguration()
        stylesheets = [
            weasyprint.CSS(string=pdf._font_face_css() + pdf.BASE_CSS, font_config=font_config),
            weasyprint.CSS(string=css, font_config=font_config),
        ]
        return weasyprint.HTML(string=html).write_pdf(
            stylesheets=stylesheets, font_config=font_config
        )

    return render


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--renders", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    django_setup()
    from django.template.loader import render_to_string
    from django.utils import translation

    from core.pdf import render_pdf
    from recognition import certificate

    data = next(certificates(1))
    with translation.override("vi"):
        html = render_to_string(certificate.TEMPLATE, certificate.certificate_context(data))
        css = render_to_string(certificate.STYLESHEET)

    bare = measure(bare_weasyprint(html, css), repeat=args.repeat)
    naive = measure(naive_weasyprint(html, css), repeat=args.repeat)
    engine = measure(lambda: render_pdf(html, stylesheets=[css]), repeat=args.repeat)
    full = measure(lambda: certificate.render_certificate(data), repeat=args.repeat)

    rss = {}
    started = time.perf_counter()
    for done, each in enumerate(certificates(args.renders), start=1):
        certificate.render_certificate(each)
        if done in (200, args.renders):
            rss[done] = resident_mb()
    elapsed = time.perf_counter() - started

    print(f"Machine: {machine()}")
    print(f"Date: {datetime.date.today().isoformat()}\n")
    print("| one certificate, warm process | median ms | min–max ms | p95 ms | vs bare |")
    print("|---|---:|---:|---:|---:|")
    for label, result in [
        ("bare WeasyPrint, fonts and CSS built once (the baseline)", bare),
        ("bare WeasyPrint, fonts and CSS built per call (naive, no goal)", naive),
        ("`render_pdf`, same HTML", engine),
        ("`render_certificate` (template, QR code, layout)", full),
    ]:
        ratio = result["median_ms"] / bare["median_ms"]
        print(f"| {label} | {result['median_ms']} | {result['min_ms']}–{result['max_ms']} | "
              f"{result['p95_ms']} | {ratio:.2f}x |")  # fmt: skip
    print()
    print(f"| bulk, one process, {args.renders} distinct certificates | |")
    print("|---|---:|")
    print(f"| certificates per minute | {args.renders / elapsed * 60:.0f} |")
    if 200 in rss:
        growth = (rss[args.renders] - rss[200]) / rss[200] * 100
        print(f"| resident memory after render 200 | {rss[200]:.0f} MB |")
        print(f"| resident memory after render {args.renders} | {rss[args.renders]:.0f} MB |")
        print(f"| growth from render 200 to {args.renders} | {growth:+.1f}% |")


if __name__ == "__main__":
    main()
