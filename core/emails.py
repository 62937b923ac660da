"""Every e-mail is a subject/text/HTML trio rendered in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(
    *, to: str, template: str, context: dict, language: str = "vi", headers: dict | None = None
) -> None:
    """Render `<template>_subject.txt`, `<template>.txt` and `<template>.html` and send them,
    with extra `headers` (List-Unsubscribe)."""
    with translation.override(language):
        context = {"site_url": settings.SITE_URL, **context}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [to], headers=headers or None
    )
    message.attach_alternative(html, "text/html")
    message.send()
