"""deploy/systemd: production runs the processes of `make run` under systemd, which restarts any of
them that dies (issue 19.4), with the hardening a web application needs and nothing more."""

import configparser
import shlex
import sys
from argparse import Namespace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
sys.path.insert(0, str(ROOT / "scripts"))
from run_site import commands, gunicorn_command  # noqa: E402

HARDENING = {
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "PrivateDevices": "yes",
    "CapabilityBoundingSet": "",
}


def unit(name):
    parser = configparser.ConfigParser(strict=False, interpolation=None, delimiters=("=",))
    parser.optionxform = str  # systemd keys are case-sensitive
    parser.read_string((UNITS / name).read_text().replace("\\\n", " "))
    return parser


def exec_start(name):
    return shlex.split(unit(name)["Service"]["ExecStart"])


@pytest.mark.parametrize("name", ["asap-web.service", "asap-worker.service", "asap-scheduler.service"])
def test_every_service_is_restarted_hardened_and_part_of_the_site(name):
    service = unit(name)
    assert service["Service"]["Restart"] == "always"
    assert int(service["Service"]["RestartSec"]) > 0
    assert service["Unit"]["StartLimitIntervalSec"] == "0", "systemd never gives up restarting it"
    assert service["Service"]["EnvironmentFile"] == "/etc/asap/asap.env"
    assert service["Service"]["User"] == "asap"
    for key, value in HARDENING.items():
        assert service["Service"][key] == value, key
    assert service["Unit"]["PartOf"] == "asap.target"
    assert service["Install"]["WantedBy"] == "asap.target"
    assert name in unit("asap.target")["Unit"]["Wants"].split()


def test_the_units_run_what_make_run_runs():
    local = commands(Namespace(dev=False, host="127.0.0.1", port="8000", workers=2))
    assert exec_start("asap-worker.service")[2:] == local["worker"][2:]  # manage.py run_worker ...
    assert exec_start("asap-scheduler.service")[2:] == local["scheduler"][2:]
    web = exec_start("asap-web.service")
    options = {arg for arg in gunicorn_command("127.0.0.1", 8000, 2) if arg.startswith("--")} - {"--workers"}
    assert options | {"--config"} <= set(web), "every option of make run's gunicorn (workers: WEB_CONCURRENCY)"
    assert web[web.index("--config") + 1] == "/srv/asap/gunicorn.conf.py", "the project's forwarder policy"
    assert not {"--forwarded-allow-ips", "--forwarder-headers", "--forwarded-allow-networks"} & set(web)
