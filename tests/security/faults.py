"""Real faults for the outage drills: a port nobody listens on, a Redis server that can be stopped and
started again, and a TCP relay in front of the database that can be cut like a stopped server."""

import contextlib
import shutil
import signal
import socket
import subprocess
import threading
import time

import pytest
import redis


def free_port():
    """A port nothing listens on (free a moment ago, so connections to it are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port, up=True, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            if up:
                return
        except OSError:
            if not up:
                return
        time.sleep(0.05)
    raise TimeoutError(f"port {port} still {'down' if up else 'up'}")


class RedisServer:
    """Debian's redis-server on a free port, in memory only; `maxmemory` ("2mb") with `policy`
    ("noeviction", "allkeys-lru") bounds it as production's redis.conf does."""

    def __init__(self, maxmemory=None, policy=None):
        self.binary = shutil.which("redis-server")
        self.port = free_port()
        self.process = None
        self.limits = [
            *(["--maxmemory", maxmemory] if maxmemory else []),
            *(["--maxmemory-policy", policy] if policy else []),
        ]

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                *self.limits,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        wait_for_port(self.port, up=False)

    def pause(self):
        """Freeze the server (SIGSTOP): connections are accepted by the kernel and never answered,
        as with a host that hangs or a long fork; what it holds is kept for resume()."""
        self.process.send_signal(signal.SIGSTOP)

    def resume(self):
        self.process.send_signal(signal.SIGCONT)

    def fill(self, beyond=512 * 1024):
        """Write junk until the server holds `beyond` bytes more than its maxmemory, so that with
        noeviction it refuses every write (just at the limit, freeing a buffer lets a few in again);
        returns the number of junk keys."""
        client = redis.Redis(port=self.port)
        try:
            limit = int(client.config_get("maxmemory")["maxmemory"])
            assert limit, "fill() needs a server started with maxmemory"
            client.config_set("maxmemory", 0)
            written = 0
            while client.info("memory")["used_memory"] < limit + beyond:
                client.set(f"junk:{written}", b"x" * 10_000)
                written += 1
            client.config_set("maxmemory", limit)
            return written
        finally:
            client.close()


@contextlib.contextmanager
def running_redis(**limits):
    """A started RedisServer (see its arguments), stopped afterwards; skips without redis-server."""
    if not shutil.which("redis-server"):
        pytest.skip("needs Debian's redis-server (apt-get install redis-server; CI installs it)")
    server = RedisServer(**limits)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class TCPRelay:
    """Listens on `port` and relays every connection to `target`. stop() closes the listener and every
    open connection, as a database server going down does; start() listens again on the same port."""

    def __init__(self, target_host, target_port):
        self.target = (target_host, target_port)
        self.port = free_port()
        self.listener = None
        self.sockets = []
        self.lock = threading.Lock()

    def start(self):
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(16)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def stop(self):
        self.listener.close()
        with self.lock:
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                sock.close()
            self.sockets.clear()
        wait_for_port(self.port, up=False)

    def _accept(self, listener):
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            server = socket.create_connection(self.target)
            with self.lock:
                self.sockets += [client, server]
            for source, sink in ((client, server), (server, client)):
                threading.Thread(target=self._pipe, args=(source, sink), daemon=True).start()

    @staticmethod
    def _pipe(source, sink):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)


@contextlib.contextmanager
def database_behind_relay(connection, **settings):
    """The test database reached through a started TCPRelay (with `settings`, e.g. CONN_MAX_AGE, for
    the connection), as it was afterwards. PostgreSQL only: SQLite has no server to cut."""
    db = connection.settings_dict
    relay = TCPRelay(db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432))
    saved = {key: db[key] for key in ("HOST", "PORT", *settings)}
    relay.start()
    connection.close()
    db.update(HOST="127.0.0.1", PORT=str(relay.port), **settings)
    try:
        yield relay
    finally:
        relay.stop()
        connection.close()
        db.update(saved)
