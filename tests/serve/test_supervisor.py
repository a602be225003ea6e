"""scripts/run_site.py's supervisor with stand-in processes: a process that dies stops the others and
fails the run; a second Ctrl-C stops a process that ignores the first."""

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SUPERVISE = """
import json, sys
sys.path.insert(0, "scripts")
from run_site import Supervisor
sys.exit(Supervisor(json.loads(sys.argv[1]), env=None).run())
"""


def supervise(commands):
    return subprocess.Popen(
        [sys.executable, "-c", SUPERVISE, json.dumps(commands)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def started_pids(supervisor):
    """{name: pid} from the supervisor's first line."""
    line = supervisor.stdout.readline()
    return {name: int(pid) for name, pid in re.findall(r"(\w+) \(pid (\d+)\)", line)}


def gone(pid, within=5.0):
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        time.sleep(0.05)
    return False


def test_a_process_that_dies_stops_the_others_and_the_run_fails():
    supervisor = supervise({"steady": ["sleep", "60"], "fragile": ["sh", "-c", "sleep 0.5; exit 3"]})
    pids = started_pids(supervisor)
    assert supervisor.wait(timeout=10) == 3
    assert "Il processo fragile si è fermato (codice 3): fermo tutto." in supervisor.stdout.read()
    assert gone(pids["steady"])


def test_a_second_ctrl_c_kills_what_ignores_the_first(tmp_path):
    ready = tmp_path / "trap-set"
    supervisor = supervise({"stubborn": ["sh", "-c", f"trap '' TERM; touch {ready}; sleep 60"]})
    pids = started_pids(supervisor)
    deadline = time.monotonic() + 10
    while not ready.exists() and time.monotonic() < deadline:  # Ctrl-C only once the child ignores TERM
        time.sleep(0.05)
    supervisor.send_signal(signal.SIGINT)
    time.sleep(1)
    assert supervisor.poll() is None, "the first Ctrl-C waits for a graceful stop"
    supervisor.send_signal(signal.SIGINT)
    assert supervisor.wait(timeout=5) == 0
    assert gone(pids["stubborn"])
