"""The test Elasticsearch node must not outlive the test run, however the run
ends. The watchdog is checked with a stand-in for the node (a process group of
its own, as the node's launcher and server JVM are): no Java needed."""

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def running(pid: int) -> bool:
    """Alive and not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def wait_until(condition, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return condition()


def start_run(run_dir: Path) -> tuple[subprocess.Popen, int]:
    """A stand-in test run: starts a stand-in node with its watchdog, as
    ElasticsearchNode does, prints the node's pid and waits."""
    code = textwrap.dedent(
        f"""
        import subprocess, sys, time
        from pathlib import Path
        sys.path.insert(0, {str(ROOT)!r})
        from tests.servers.elasticsearch_node import start_watchdog

        node = subprocess.Popen(["sleep", "300"], start_new_session=True)
        start_watchdog(node.pid, Path({str(run_dir)!r}), grace=5)
        print(node.pid, flush=True)
        time.sleep(300)
        """
    )
    run = subprocess.Popen(  # noqa: S603 - fixed argv
        [sys.executable, "-c", code], stdout=subprocess.PIPE, text=True
    )
    return run, int(run.stdout.readline())


def test_the_node_lives_as_long_as_the_test_run(tmp_path):
    run_dir = tmp_path / "node"
    run_dir.mkdir()
    run, node = start_run(run_dir)
    try:
        time.sleep(1.5)  # three watchdog polls
        assert running(node)
        assert run_dir.exists()
    finally:
        run.kill()
        run.wait()
        wait_until(lambda: not running(node), 15)


def test_the_node_dies_with_a_test_run_ended_by_sigterm(tmp_path):
    run_dir = tmp_path / "node"
    run_dir.mkdir()
    run, node = start_run(run_dir)
    run.send_signal(signal.SIGTERM)
    run.wait(timeout=10)

    assert wait_until(lambda: not running(node), 15)
    assert wait_until(lambda: not run_dir.exists(), 5)


def test_the_node_dies_with_a_test_run_killed_outright(tmp_path):
    run_dir = tmp_path / "node"
    run_dir.mkdir()
    run, node = start_run(run_dir)
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=10)

    assert wait_until(lambda: not running(node), 15)
