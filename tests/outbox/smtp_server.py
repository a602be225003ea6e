"""A real, minimal SMTP server for tests (stdlib only): it speaks enough of RFC 5321 for Django's
SMTP backend and keeps every message it accepts, and can hold one answer to let a drill kill the
sender at a known point; and a hung one that accepts and never answers."""

import contextlib
import email
import email.policy
import socket
import socketserver
import threading
import time


class _Handler(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        with contextlib.suppress(OSError):  # the client died while we held its answer (a killed sender)
            self.converse()

    def converse(self):
        self.reply("220 localhost test SMTP")
        sender, recipients = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode(errors="replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 localhost")
            elif verb == "MAIL":
                sender, recipients = command.split(":", 1)[1].strip(), []
                self.reply("250 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.server.hold_if_asked("RCPT", len(self.server.messages) + 1)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = []
                while True:
                    chunk = self.rfile.readline()
                    if chunk in (b".\r\n", b".\n", b""):
                        break
                    data.append(chunk[1:] if chunk.startswith(b"..") else chunk)
                message = email.message_from_bytes(b"".join(data), policy=email.policy.default)
                self.server.messages.append({"from": sender, "to": recipients, "message": message})
                self.server.hold_if_asked("DATA", len(self.server.messages))
                time.sleep(self.server.data_reply_delay)  # a slow server: the mail is taken, the "OK" comes late
                self.reply("250 OK queued")
            elif verb == "RSET":
                sender, recipients = None, []
                self.reply("250 OK")
            elif verb == "NOOP":
                self.reply("250 OK")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            else:
                self.reply("502 Command not implemented")


class SMTPServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port=0, data_reply_delay=0, hold=None):
        """`hold=("DATA", 5)`: the answer to the fifth message's DATA (it is kept: the server has the
        e-mail) waits until release(); `("RCPT", 5)`: the answer to its RCPT TO (nothing is kept).
        `holding` is set once the answer is held."""
        super().__init__(("127.0.0.1", port), _Handler)
        self.messages = []
        self.data_reply_delay = data_reply_delay
        self.hold = hold
        self.holding = threading.Event()
        self.released = threading.Event()
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def hold_if_asked(self, verb, message_number):
        if self.hold == (verb, message_number) and not self.released.is_set():
            self.holding.set()
            self.released.wait()

    def release(self):
        self.released.set()

    @property
    def port(self):
        return self.server_address[1]

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.release()
        self.shutdown()
        self.server_close()


class StalledSMTPServer:
    """A TCP socket that accepts connections and never says a word, like a hung mail server."""

    def __init__(self):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.listener.settimeout(0.2)
        self.port = self.listener.getsockname()[1]
        self.connections = []
        self.running = True
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while self.running:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                continue
            self.connections.append(conn)

    def close(self):
        self.running = False
        self.thread.join()
        for conn in self.connections:
            conn.close()
        self.listener.close()


def closed_port():
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def use_smtp(settings, port):
    """Point Django's real SMTP backend at 127.0.0.1:`port`."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_TIMEOUT = 3
