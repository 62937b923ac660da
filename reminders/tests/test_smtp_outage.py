"""R26 with the mail server down: the reminder is in the app at once, its e-mail stays pending
(not marked sent) and goes out once on a later run, when the server accepts connections again."""

import email
import socket
import socketserver
import threading
from datetime import date
from email import policy

import pytest

from core.models import Job
from reminders.models import Reminder
from reminders.tasks import deliver_reminder

pytestmark = pytest.mark.quiet_events

DAY = date(2026, 3, 23)  # 7 days before the registration deadline


class _Session(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: greet, accept one message per DATA, say goodbye."""

    def reply(self, text: str) -> None:
        self.wfile.write(f"{text}\r\n".encode())

    def handle(self):
        self.reply("220 sink ESMTP")
        in_data, lines = False, []
        for raw in self.rfile:
            line = raw.decode("utf-8", "replace").rstrip("\r\n")
            if in_data:
                if line == ".":
                    self.server.messages.append("\n".join(lines))
                    in_data, lines = False, []
                    self.reply("250 queued")
                else:
                    lines.append(line[1:] if line.startswith("..") else line)
                continue
            verb = line[:4].upper()
            if verb == "EHLO":
                self.reply("250-sink\r\n250 8BITMIME")
            elif verb == "DATA":
                in_data = True
                self.reply("354 end with <CRLF>.<CRLF>")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class SMTPSink(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True

    def __init__(self, port: int):
        super().__init__(("127.0.0.1", port), _Session)
        self.messages = []
        threading.Thread(target=self.serve_forever, daemon=True).start()


@pytest.fixture
def smtp_port(settings):
    """A local port where nothing listens yet: connections are refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 5
    return port


def test_refused_connection_keeps_the_reminder_pending_until_the_next_run(
    cast, register, send, smtp_port
):
    register(cast.unit_a, cast.official_a)
    send(DAY)

    reminder = Reminder.objects.get()
    assert reminder.recipient == cast.official_b
    assert reminder.sent_at is None and reminder.delivery_pending  # not marked sent
    job = Job.objects.get(task=deliver_reminder.name)
    assert job.done_at is None and job.attempts == 1
    assert "Connection refused" in job.last_error or "ConnectionRefused" in job.last_error

    sink = SMTPSink(smtp_port)  # the mail server is back
    try:
        send(date(2026, 3, 24))  # the next morning's run: no new milestone, the e-mail goes out
        send(date(2026, 3, 25))
    finally:
        sink.shutdown()
        sink.server_close()

    reminder.refresh_from_db()
    assert reminder.sent_at is not None
    [raw] = sink.messages  # once, not once per run
    message = email.message_from_string(raw, policy=policy.default)
    assert message["To"] == "official_b@example.vn"
    assert message["Subject"].strip() == "Điểm sáng năm 2026: hạn đăng ký 30/03/2026 (còn 7 ngày)"
    assert Reminder.objects.count() == 1
    job.refresh_from_db()
    assert job.done_at is not None and job.attempts == 2
