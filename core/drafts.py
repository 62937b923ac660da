"""The server's half of drafts (static/js/drafts.js): saying that a form was saved for real.

A template marks a long form with `<form data-draft-key="KEY">` (KEY names the object, e.g.
`bright-spot-42` or `bright-spot-new-17`; no spaces). The browser then keeps what the user types in
localStorage until the server confirms a save: after a successful save, the view calls
`draft_saved(request, KEY, _("Saved."))`, which shows the message on the next page and marks it
with `data-draft-saved="KEY"` (see base.html); drafts.js drops the draft when it sees the mark.
A failed save (form errors, an expired session, the database down) never carries the mark, so the
draft survives until the user succeeds or discards it.
"""

from django.contrib import messages

TAG_PREFIX = "draft-saved:"


def draft_saved(request, key: str, message) -> None:
    messages.success(request, message, extra_tags=f"{TAG_PREFIX}{key}")


def draft_key_of(message) -> str:
    """The draft key a message carries, or "" (for base.html's data-draft-saved attribute)."""
    for tag in (message.extra_tags or "").split():
        if tag.startswith(TAG_PREFIX):
            return tag.removeprefix(TAG_PREFIX)
    return ""
