"""Start the site's processes, watch them and stop them together: the server behind `make run` and `make dev`.

    make run  (asap_site.settings.local)  web: gunicorn, DEBUG off, static files through WhiteNoise
                                          worker: manage.py run_worker (the database task queue)
                                          scheduler: manage.py run_scheduler (scheduled publishing)
    make dev  (--dev, settings.dev)       web: Django's autoreloading debug server; scheduler

One Ctrl-C (or SIGTERM) stops every process gracefully, a second one kills them at once. When one
process dies by itself (the worker after a database outage, gunicorn after a crash) it is started
again after a pause, 1 s doubling up to 60 s and back to 1 s once it has run for a minute, and the
others keep running: a site left half-working would stop indexing and purging without anyone noticing.
Production runs the same processes under systemd (deploy/systemd/), which restarts them the same way.
"""

import argparse
import contextlib
import ctypes
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GRACE_SECONDS = 10
RESTART_FIRST, RESTART_LIMIT = 1.0, 60.0  # seconds before restarting a process that died
STABLE_SECONDS = 60.0  # a process that ran this long before dying is restarted after RESTART_FIRST again


def gunicorn_command(host, port, workers, app="asap_site.wsgi:application"):
    """The production server as `make run` starts it (`make bench` measures the same one). Its
    settings file (gunicorn.conf.py) trusts no forwarder: no header changes the path or scheme."""
    return [
        sys.executable, "-m", "gunicorn", app,
        "--config", str(ROOT / "gunicorn.conf.py"),
        "--bind", f"{host}:{port}",
        "--workers", str(workers),
        "--graceful-timeout", str(GRACE_SECONDS),
        "--preload",  # import the site once, before forking the workers
        "--no-control-socket",  # one per machine by default: several servers would fight over it
    ]  # fmt: skip


def commands(args):
    """The processes to run, by name."""
    manage = [sys.executable, str(ROOT / "manage.py")]
    scheduler = [*manage, "run_scheduler"]
    if args.dev:
        return {"web": [*manage, "runserver", f"{args.host}:{args.port}"], "scheduler": scheduler}
    return {
        "web": gunicorn_command(args.host, args.port, args.workers),
        "worker": [*manage, "run_worker", "--no-startup-delay"],
        "scheduler": scheduler,
    }


try:
    LIBC = ctypes.CDLL("libc.so.6", use_errno=True)
except OSError:  # not glibc Linux: children may outlive a supervisor killed with SIGKILL
    LIBC = None


def die_with_parent():
    """In the child: get SIGTERM if the supervisor itself is killed, so nothing is left orphaned."""
    if LIBC is not None:
        LIBC.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def signal_group(process, signum):
    """Signal the child and whatever it started (gunicorn's workers, the autoreloader's server)."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signum)


def exit_code(returncode):
    return 128 - returncode if returncode < 0 else returncode


class RestartPause:
    """Seconds to wait before starting a process again: `first` doubling up to `limit`, back to
    `first` when it had run `stable` seconds (a crash now and then is not a crash loop)."""

    def __init__(self, first=RESTART_FIRST, limit=RESTART_LIMIT, stable=STABLE_SECONDS):
        self.first, self.limit, self.stable = first, limit, stable
        self.next = first

    def after(self, ran_for):
        if ran_for >= self.stable:
            self.next = self.first
        pause, self.next = self.next, min(self.next * 2, self.limit)
        return pause


class Supervisor:
    def __init__(self, commands, env, first_pause=RESTART_FIRST, stable=STABLE_SECONDS):
        self.commands, self.env = commands, env
        self.stop_requests = 0
        signal.signal(signal.SIGINT, self.request_stop)
        signal.signal(signal.SIGTERM, self.request_stop)
        self.pauses = {name: RestartPause(first=first_pause, stable=stable) for name in commands}
        self.started_at = {}
        self.children = {name: self.start(name) for name in commands}
        print(f"Avviati: {', '.join(f'{name} (pid {p.pid})' for name, p in self.children.items())}", flush=True)

    def start(self, name):
        # Each child gets its own process group: the terminal's Ctrl-C reaches only this supervisor,
        # which then stops the children in order instead of every process racing on its own.
        self.started_at[name] = time.monotonic()
        return subprocess.Popen(
            self.commands[name], cwd=ROOT, env=self.env, start_new_session=True, preexec_fn=die_with_parent
        )

    def request_stop(self, signum, frame):
        self.stop_requests += 1

    def run(self):
        """Watch the children, restarting those that die, until a stop request has ended them all;
        return the exit code."""
        failure, stopping_since, forced = 0, None, False
        running, restart_at = dict(self.children), {}
        while running or (restart_at and stopping_since is None):
            now = time.monotonic()
            for name, process in list(running.items()):
                if process.poll() is None:
                    continue
                del running[name]
                signal_group(process, signal.SIGKILL)  # whatever it left behind in its group
                if stopping_since is None:
                    pause = self.pauses[name].after(now - self.started_at[name])
                    restart_at[name] = now + pause
                    print(
                        f"Il processo {name} si è fermato (codice {process.returncode}): lo riavvio tra {pause:g} s.",
                        flush=True,
                    )
                elif process.returncode > 0 and not forced:
                    failure = failure or process.returncode
            for name, when in list(restart_at.items()):
                if stopping_since is None and now >= when:
                    del restart_at[name]
                    running[name] = self.children[name] = self.start(name)
                    print(f"Riavviato: {name} (pid {running[name].pid})", flush=True)
            if self.stop_requests and stopping_since is None:
                stopping_since = time.monotonic()
                restart_at.clear()
                print("Arresto in corso (Ctrl-C di nuovo per forzare)...", flush=True)
                for process in running.values():
                    signal_group(process, signal.SIGTERM)
            overdue = stopping_since is not None and time.monotonic() - stopping_since > GRACE_SECONDS + 5
            if running and not forced and (self.stop_requests > 1 or overdue):
                forced = True
                for process in running.values():
                    signal_group(process, signal.SIGKILL)
            time.sleep(0.1)
        return failure


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--port", default=os.environ.get("PORT", "8000"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--dev", action="store_true", help="Django's autoreloading debug server instead of gunicorn")
    args = parser.parse_args()

    env = {**os.environ, "HOST": args.host, "PORT": str(args.port), "PYTHONUNBUFFERED": "1"}
    env.setdefault("DJANGO_SETTINGS_MODULE", "asap_site.settings.dev" if args.dev else "asap_site.settings.local")
    if not args.dev and not env.get("REDIS_URL"):
        # The page cache's entries in files every process reads, besides each worker's memory: the
        # task worker's rebuild after a publish then serves every gunicorn worker (docs/performance.md).
        generation_file = Path(env.get("PAGE_CACHE_GENERATION_FILE") or ROOT / "var" / "page-cache-generation")
        env.setdefault("PAGE_CACHE_SHARED_DIR", str(generation_file.parent / "page-cache"))
    try:
        # Full URLs (canonical links, sitemap, feeds, e-mails) must name the address the site answers on.
        subprocess.run([sys.executable, str(ROOT / "manage.py"), "set_site_address"], cwd=ROOT, env=env, check=True)
    except KeyboardInterrupt:
        return 130
    supervisor = Supervisor(commands(args), env)
    print("Ctrl-C per fermare.", flush=True)
    return supervisor.run()


if __name__ == "__main__":
    sys.exit(main())
