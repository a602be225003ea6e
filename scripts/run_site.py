"""Serve the site for `make run`: the development server plus a loop that publishes scheduled
pages every minute, so "go live" dates work without a cron job on a developer's machine."""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default="8000")
    args = parser.parse_args()
    manage = [sys.executable, str(ROOT / "manage.py")]
    server = subprocess.Popen([*manage, "runserver", f"{args.host}:{args.port}"], cwd=ROOT, env=os.environ)
    try:
        while server.poll() is None:
            subprocess.run([*manage, "publish_scheduled"], cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
            for _ in range(60):
                if server.poll() is not None:
                    break
                time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return server.returncode or 0


if __name__ == "__main__":
    sys.exit(main())
