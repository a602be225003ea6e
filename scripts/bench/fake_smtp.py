"""A tiny SMTP server for the newsletter benchmark: accepts every message, keeps nothing, counts.

    .venv/bin/python -m scripts.bench.fake_smtp     # prints its port, then the count on SIGTERM

Enough of RFC 5321 for Django's SMTP backend (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), one thread
per connection; aiosmtpd is not installed and not needed for this."""

import signal
import socketserver
import sys
import threading

received = 0
lock = threading.Lock()


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")

    def handle(self):
        global received
        self.reply("220 fake-smtp ESMTP")
        while line := self.rfile.readline():
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250 fake-smtp")
            elif verb == b"DATA":
                self.reply("354 go ahead")
                while self.rfile.readline() not in (b".\r\n", b""):
                    pass
                with lock:
                    received += 1
                self.reply("250 ok")
            elif verb == b"QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


class Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    server = Server(("127.0.0.1", 0), Session)
    print(server.server_address[1], flush=True)

    def stop(*_args):
        print(received, flush=True)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    server.serve_forever()


if __name__ == "__main__":
    main()
