"""scripts/run_site.py's supervisor with stand-in processes: a process that dies is started again
after growing pauses while the others keep running; Ctrl-C still stops everything, a second Ctrl-C
kills a process that ignores the first."""

import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from run_site import RestartPause  # noqa: E402

# The first pause is 0.1 s instead of 1 s, so the test sees several restarts quickly.
SUPERVISE = """
import json, sys
sys.path.insert(0, "scripts")
from run_site import Supervisor
sys.exit(Supervisor(json.loads(sys.argv[1]), env=None, first_pause=0.1).run())
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
    while True:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return True
        if state == "Z":
            return True
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.05)


def test_a_process_that_dies_is_restarted_after_growing_pauses_and_the_others_keep_running(tmp_path):
    starts = tmp_path / "starts"
    supervisor = supervise({"steady": ["sleep", "60"], "fragile": ["sh", "-c", f"echo x >> {starts}; exit 3"]})
    pids = started_pids(supervisor)
    deadline = time.monotonic() + 20
    while (not starts.exists() or len(starts.read_text().split()) < 4) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(starts.read_text().split()) >= 4, "started again after each death"
    assert supervisor.poll() is None, "the site keeps running"
    assert not gone(pids["steady"], within=0), "the other processes are left alone"
    supervisor.send_signal(signal.SIGINT)
    assert supervisor.wait(timeout=10) == 0
    output = supervisor.stdout.read()
    for pause in ("0.1", "0.2", "0.4"):
        assert f"Il processo fragile si è fermato (codice 3): lo riavvio tra {pause} s." in output
    assert "Riavviato: fragile (pid " in output
    assert gone(pids["steady"])


def test_the_pause_doubles_up_to_a_minute_and_starts_over_after_a_stable_run():
    pause = RestartPause()  # 1 s doubling to 60 s; a minute of running counts as stable
    assert [pause.after(ran_for=0.5) for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    assert pause.after(ran_for=3600) == 1
    assert pause.after(ran_for=2) == 2


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
