"""For tests of pages that offer a document rendered in the background (core.renditions)."""

import re

from django.urls import reverse


def rendered(client, url: str, capture) -> bytes:
    """Ask for the document at `url`, let its job run (`capture` is pytest-django's
    django_capture_on_commit_callbacks: jobs are published when the request commits), then read
    its progress and fetch the file."""
    with capture(execute=True):
        response = client.get(url)
    assert response.status_code == 302, response.status_code
    match = re.fullmatch(r"/documents/(\d+)/", response["Location"])
    assert match, response["Location"]
    pk = int(match.group(1))
    status = client.get(reverse("core:rendition-status", args=[pk])).json()
    assert status["status"] == "done", status
    download = client.get(status["download_url"])
    assert download.status_code == 200
    assert download["Cache-Control"] == "private, no-store"
    return b"".join(download.streaming_content)


def rendered_now(client, url: str) -> bytes:
    """`rendered` for helpers that have no fixture at hand: the job runs when the request
    commits, through Django's own capture of on-commit callbacks."""
    from django.test import TestCase

    return rendered(client, url, lambda execute: TestCase.captureOnCommitCallbacks(execute=execute))
