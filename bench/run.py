#!/usr/bin/env python
"""The portal's speed benchmark (issues 10, 8 and 7), in one command:

    .venv/bin/python bench/run.py [--quick] [--db DIR] [--workers N]

1. Builds a throwaway SQLite database with the example content in a temporary folder
   (migrate, setup_portal, rebuild_search_index, collectstatic), with the production
   settings served over plain HTTP on loopback (bench/settings.py).
2. Inside one process (bench/inprocess.py, page cache off): database queries per page,
   server time per uncached page (median over many requests) and the home page's bytes.
3. Serves the portal with gunicorn on 127.0.0.1, first with PAGE_CACHE=off, then with
   the page cache on, and loads every page with wrk (home, a guidance page, a service
   page and search results, in Norwegian and Arabic), each next to /bench-ceiling/: a
   bare Django view returning the home page's bytes through the same server and
   middleware, measured in short slices alternating with the page's, so that the ratio
   compares figures taken at the same moments of a shared machine.
4. With the page cache on: worker memory after load, the home page's weight on the wire,
   and issue 8's load test (32 clients for 60 s cycling through all eight pages, no
   errors allowed).
5. Writes its section of bench/RESULTS.md with the machine's facts; the other sections
   stay as they are.

Load goes only to 127.0.0.1, for a fixed time per run. wrk comes from Debian
(`apt-get install wrk`). --quick runs everything shorter to try the suite out, and does
not write RESULTS.md unless --write is given.
"""

import argparse
import gzip
import http.client
import json
import os
import platform
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import _django  # bench/, beside this script

ROOT = Path(__file__).resolve().parent.parent
HERE = ROOT / "bench"
RESULTS = HERE / "RESULTS.md"
SECTION_START = "<!-- bench/run.py: start -->"
SECTION_END = "<!-- bench/run.py: end -->"
LANGUAGES = ("nb", "ar")
PAGE_KINDS = ("home", "guidance", "service", "search")
SEARCH_QUERY = "?q=krisesenter"
CEILING = "/bench-ceiling/"
# Targets of issue 10 (and 7's page weight).
TARGET_CACHED = 0.85
TARGET_UNCACHED = 0.25
TARGET_HOME_MS = 10.0
TARGET_MEMORY_MB = 100
TARGET_WEIGHT_KB = 60


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def base_env(workdir, args):
    env = dict(os.environ)
    for name in ("DATABASE_URL", "CACHE_URL", "SEARCH_BACKEND", "DEBUG"):
        env.pop(name, None)
    env.update(
        DJANGO_SETTINGS_MODULE="bench.settings",
        PORTAL_VAR_DIR=str(workdir),
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="WARNING",
        BENCH_CEILING_FILE=str(workdir / "ceiling.html"),
        PYTHONPATH=str(ROOT),
        # Persistent database connections, as a production deployment should run.
        DATABASE_CONN_MAX_AGE=str(args.conn_max_age),
    )
    if args.cache_url:
        env["CACHE_URL"] = args.cache_url
    return env


def manage(env, *command):
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "manage.py", *command],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    log(f"   manage.py {' '.join(command)}: {time.monotonic() - started:.0f} s")


def build_database(env):
    log("==> Building a throwaway database with the example content")
    manage(env, "migrate", "--no-input", "--verbosity", "0")
    manage(env, "setup_portal", "--verbosity", "0")
    manage(env, "rebuild_search_index", "--verbosity", "0")
    manage(env, "collectstatic", "--no-input", "--verbosity", "0")


def inprocess(env, *args):
    output = subprocess.run(
        [sys.executable, str(HERE / "inprocess.py"), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if output.returncode:
        raise SystemExit(f"bench/inprocess.py failed:\n{output.stderr}")
    return json.loads(output.stdout.strip().splitlines()[-1])


class Server:
    """gunicorn serving portal.wsgi on 127.0.0.1 with the production gunicorn.conf.py
    (gthread, preloaded application), behind no proxy, DEBUG off."""

    def __init__(self, env, workers, threads):
        self.env, self.workers, self.threads = env, workers, threads
        self.port = free_port()
        self.process = None

    def __enter__(self):
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            "portal.wsgi",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--threads",
            str(self.threads),
            # Every measured worker is one that served the whole run: no worker is
            # replaced midway by the production leak guard.
            "--max-requests",
            "0",
            "--log-level",
            "warning",
        ]
        self.process = subprocess.Popen(command, cwd=ROOT, env=self.env)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                status, _headers, _body = self.get("/healthz")
                if status == 200:
                    return self
            except OSError:
                pass
            if self.process.poll() is not None:
                raise SystemExit("gunicorn stopped while starting")
            time.sleep(0.3)
        raise SystemExit("gunicorn did not answer within 60 s")

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def get(self, path, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers or {})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def worker_memory_mb(self):
        """RSS, PSS and USS of each worker, in MB (/proc/<pid>/smaps_rollup). With
        the application preloaded, the pages a worker shares with the master and the
        other workers count in full in each worker's RSS, in proportion in its PSS
        and not at all in its USS (what the worker alone holds)."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [memory_mb(child) for child in children]

    def worker_cpu_seconds(self):
        """CPU time (user + system, all threads) the workers have used so far."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        ticks = os.sysconf("SC_CLK_TCK")
        total = 0
        for child in children:
            # Fields after the command name, which sits in parentheses.
            fields = Path(f"/proc/{child}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / ticks


def measured_wrk(server, path, seconds, connections):
    """run_wrk plus the workers' own CPU time per request: a figure that a busy
    machine inflates much less than requests per second."""
    before = server.worker_cpu_seconds()
    report = run_wrk(server, path, seconds, connections)
    used = server.worker_cpu_seconds() - before
    report["worker_cpu_ms"] = used * 1000 / max(report["requests"], 1)
    return report


def memory_mb(pid):
    fields = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[2] == "kB":
            fields[parts[0].rstrip(":")] = int(parts[1]) / 1024
    return {
        "rss": fields["Rss"],
        "pss": fields["Pss"],
        "uss": fields["Private_Clean"] + fields["Private_Dirty"],
    }


def run_wrk(server, path, seconds, connections, paths=()):
    """One wrk run; its JSON report (latencies in microseconds)."""
    command = [
        "wrk",
        "--threads",
        "2",
        "--connections",
        str(connections),
        "--duration",
        f"{seconds}s",
        "--timeout",
        "10s",
        "--header",
        "Accept-Encoding: gzip",
        "--script",
        str(HERE / "wrk_report.lua"),
        server.url(path),
    ]
    if paths:
        command += ["--", *paths]
    output = subprocess.run(command, capture_output=True, text=True, check=True)
    for line in output.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            report = json.loads(line[len("WRK_JSON ") :])
            report["rps"] = report["requests"] / (report["duration_us"] / 1e6)
            report["errors"] = sum(
                report[key]
                for key in (
                    "connect_errors",
                    "read_errors",
                    "write_errors",
                    "status_errors",
                    "timeouts",
                )
            )
            return report
    raise SystemExit(f"wrk gave no report:\n{output.stdout}\n{output.stderr}")


def warm_up(server, paths):
    for path in paths:
        for _ in range(3):
            status, _headers, _body = server.get(path, {"Accept-Encoding": "gzip"})
            if status != 200:
                raise SystemExit(f"{path} answered {status}")


def page_weight(server, path):
    """Bytes on the wire of the page, its stylesheets and scripts (gzip accepted),
    whether each came compressed, and what could block rendering."""
    status, headers, body = server.get(path, {"Accept-Encoding": "gzip"})
    assert status == 200
    items = [(path, headers, body)]
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    html = html.decode()
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', html)
    assets += re.findall(r'<script[^>]+src="([^"]+)"', html)
    css_text = ""
    for asset in assets:
        status, asset_headers, asset_body = server.get(
            asset, {"Accept-Encoding": "gzip"}
        )
        assert status == 200, (asset, status)
        items.append((asset, asset_headers, asset_body))
        if asset.endswith(".css"):
            raw = asset_body
            if asset_headers.get("Content-Encoding") == "gzip":
                raw = gzip.decompress(raw)
            css_text += raw.decode()
    rows = []
    for item_path, item_headers, item_body in items:
        encoded = item_headers.get("Content-Encoding", "")
        rows.append(
            {
                "path": item_path,
                "wire_bytes": len(item_body),
                "encoding": encoded or "none",
                "gzip_bytes": len(item_body)
                if encoded == "gzip"
                else len(gzip.compress(item_body)),
            }
        )
    font_faces = re.findall(r"@font-face\s*{[^}]*}", css_text)
    blocking_fonts = [
        face
        for face in font_faces
        if not re.search(r"font-display\s*:\s*(swap|optional|fallback)", face)
    ]
    preloaded_fonts = re.findall(r'<link[^>]+as="font"', html)
    sync_scripts = [
        tag
        for tag in re.findall(r"<script[^>]*src=[^>]*>", html)
        if " defer" not in tag and " async" not in tag and 'type="module"' not in tag
    ]
    return {
        "items": rows,
        "total_wire": sum(row["wire_bytes"] for row in rows),
        "total_gzip": sum(row["gzip_bytes"] for row in rows),
        "html_compressed_on_wire": rows[0]["encoding"] == "gzip",
        "font_faces": len(font_faces),
        "blocking_fonts": len(blocking_fonts),
        "preloaded_fonts": len(preloaded_fonts),
        "sync_scripts": len(sync_scripts),
    }


def machine_facts():
    cpu = _django.cpu_model()
    ram = ""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram = f"{int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    import sqlite3

    versions = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, wagtail, gunicorn; "
            "print(django.get_version(), wagtail.__version__, gunicorn.__version__)",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True)
    wrk_line = (wrk_version.stdout or wrk_version.stderr).splitlines()[0].split()[:2]
    return (
        f"{cpu}, {os.cpu_count()} CPUs, {ram}; Linux {platform.release()}; "
        f"Python {platform.python_version()}, Django {versions[0]}, "
        f"Wagtail {versions[1]}, gunicorn {versions[2]}, SQLite "
        f"{sqlite3.sqlite_version}; {' '.join(wrk_line)}"
    )


def load_average():
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def combined(slices):
    """One report from several wrk runs of the same path: counts and CPU summed,
    latency percentiles the median of the runs' own (max: the highest)."""
    total = {
        key: sum(s[key] for s in slices)
        for key in (
            "requests",
            "duration_us",
            "bytes",
            "connect_errors",
            "read_errors",
            "write_errors",
            "status_errors",
            "timeouts",
            "errors",
        )
    }
    total["rps"] = total["requests"] / (total["duration_us"] / 1e6)
    for key in ("p50_us", "p95_us", "p99_us"):
        total[key] = statistics.median(s[key] for s in slices)
    total["max_us"] = max(s["max_us"] for s in slices)
    cpu = sum(s["worker_cpu_ms"] * s["requests"] for s in slices)
    total["worker_cpu_ms"] = cpu / max(total["requests"], 1)
    return total


def paired_wrk(server, path, args):
    """The page and the ceiling in alternating short slices (ceiling first in odd
    rounds, page first in even ones), so that both meet the same moments of a shared
    machine: the ratio compares figures measured side by side, not minutes apart.
    Its ratio is the median of the rounds' ratios."""
    pages, ceilings = [], []
    for round_ in range(args.rounds):
        order = [(ceilings, CEILING), (pages, path)]
        for runs, target in order if round_ % 2 == 0 else reversed(order):
            runs.append(measured_wrk(server, target, args.slice, args.connections))
    report = combined(pages)
    report["ceiling"] = combined(ceilings)
    report["round_ratios"] = [
        page["rps"] / ceiling["rps"]
        for page, ceiling in zip(pages, ceilings, strict=True)
    ]
    # The median round: a burst of the host's other work that falls on one slice
    # moves it less than it moves a sum.
    report["ratio"] = statistics.median(report["round_ratios"])
    return report


def measure_server(env, args, pages, label):
    """Every page, each next to the ceiling (paired_wrk)."""
    out = {"pages": {}, "loads": [load_average()]}
    with Server(env, args.workers, args.threads) as server:
        paths = [path for _kind, _lang, path in pages]
        warm_up(server, [CEILING, *paths])
        log(f"==> {label}: gunicorn on port {server.port}")
        for kind, lang, path in pages:
            report = paired_wrk(server, path, args)
            out["pages"][(kind, lang)] = report
            log(
                f"   {lang} {kind} {path}: {report['rps']:.0f} requests/s "
                f"({report['ratio']:.0%} of the ceiling's "
                f"{report['ceiling']['rps']:.0f}; rounds "
                + " ".join(f"{r:.0%}" for r in report["round_ratios"])
                + f"), p99 {report['p99_us'] / 1000:.1f} ms, errors "
                f"{report['errors']}, worker CPU {report['worker_cpu_ms']:.2f} "
                f"ms/request (ceiling {report['ceiling']['worker_cpu_ms']:.2f})"
            )
        out["ceiling"] = combined(
            [report["ceiling"] for report in out["pages"].values()]
        )
        out["memory_mb"] = server.worker_memory_mb()
        out["loads"].append(load_average())
        if label == "cached":
            out["weight"] = page_weight(server, "/nb/")
            out["weight_ar"] = page_weight(server, "/ar/")
            log(f"==> Load test: 32 clients for {args.load_seconds} s, all pages")
            out["load_test"] = run_wrk(
                server, paths[0], args.load_seconds, 32, paths=paths
            )
            out["memory_after_load_mb"] = server.worker_memory_mb()
            out["loads"].append(load_average())
    return out


def ms(microseconds):
    return f"{microseconds / 1000:.1f}"


def render(args, facts, pages, inproc, uncached, cached, started):
    lines = [
        SECTION_START,
        "## Pages under load (`bench/run.py`)",
        "",
        "    .venv/bin/python bench/run.py [--quick]",
        "",
        f"Measured {started:%Y-%m-%d %H:%M} UTC on {facts}.",
        "",
        f"Set-up: a throwaway SQLite database with the example content; production "
        f"settings (DEBUG off, WhiteNoise, hashed static files) over plain HTTP on "
        f"127.0.0.1 (`bench/settings.py`), "
        f"`DATABASE_CONN_MAX_AGE={args.conn_max_age}`; "
        f"gunicorn with `gunicorn.conf.py` (gthread, keep-alive, application "
        f"preloaded) and {args.workers} workers x {args.threads} threads for 2 CPUs, "
        f"`--max-requests 0` (no worker replaced during the run); wrk with "
        f"{args.connections} connections and 2 threads, "
        f"`Accept-Encoding: gzip` on every request. Page cache: the file cache in the "
        f"throwaway folder"
        + (f" (`CACHE_URL={args.cache_url}`)" if args.cache_url else "")
        + "; uncached = the same server started with `PAGE_CACHE=off`. The ceiling is "
        "`/bench-ceiling/` (only in `bench/urls.py`): a bare Django view returning the "
        f"home page's {inproc['ceiling_bytes']} bytes through the same gunicorn, "
        "settings and middleware. Each page is measured next to its own ceiling: "
        f"{args.rounds} rounds of {args.slice} s of the page and {args.slice} s of "
        "the ceiling, in alternating order, on the same server, so that a slower "
        "moment of the shared machine weighs on both; its ratio is the median of "
        "the rounds' ratios (page requests over the ceiling's in the slice beside "
        "it; in brackets the lowest and highest round). req/s: all the page's "
        "slices; latencies: the median of the slices' percentiles. "
        "Arabic pages: the example content has no Arabic "
        "translations, so `/ar/` serves the Norwegian pages with the Arabic interface "
        "and a notice (the portal's fallback).",
        "",
        "| page | lang | path | cached req/s | ratio (range) | p50 ms | p95 ms "
        "| p99 ms | uncached req/s | ratio (range) | p50 ms | p95 ms | p99 ms "
        "| worker CPU ms/req "
        "(cached, uncached) | queries | server ms (CPU ms) | cold: queries, "
        "server ms (CPU ms) |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for kind, lang, path in pages:
        c = cached["pages"][(kind, lang)]
        u = uncached["pages"][(kind, lang)]
        queries = inproc["queries"][path][0]
        timing = inproc["server_time"][path]
        cold = inproc["cold"][path]
        lines.append(
            f"| {kind} | {lang} | `{path}` | {c['rps']:.0f} | {ratio_text(c)} | "
            f"{ms(c['p50_us'])} | "
            f"{ms(c['p95_us'])} | {ms(c['p99_us'])} | {u['rps']:.0f} | "
            f"{ratio_text(u)} | {ms(u['p50_us'])} | "
            f"{ms(u['p95_us'])} | {ms(u['p99_us'])} | "
            f"{c['worker_cpu_ms']:.2f}, {u['worker_cpu_ms']:.1f} | {queries} | "
            f"{timing['wall_ms']:.1f} ({timing['cpu_ms']:.1f}) | "
            f"{cold['queries']}, {cold['wall_ms']:.1f} ({cold['cpu_ms']:.1f}) |"
        )
    for label, run in (("cached", cached), ("uncached", uncached)):
        ceiling = run["ceiling"]
        lines.append(
            f"| **ceiling** ({label} server, all slices) | | `{CEILING}` | "
            + (
                f"{ceiling['rps']:.0f} | 100% | {ms(ceiling['p50_us'])} | "
                f"{ms(ceiling['p95_us'])} | {ms(ceiling['p99_us'])} | | | | | | "
                f"{ceiling['worker_cpu_ms']:.2f}, | | | |"
                if label == "cached"
                else f" | | | | | {ceiling['rps']:.0f} | 100% | "
                f"{ms(ceiling['p50_us'])} | {ms(ceiling['p95_us'])} | "
                f"{ms(ceiling['p99_us'])} | , {ceiling['worker_cpu_ms']:.2f} | | | |"
            )
        )
    total_errors = sum(
        r["errors"] for run in (cached, uncached) for r in run["pages"].values()
    )
    lines += [
        "",
        "Ceiling next to each page (req/s): cached server "
        + ", ".join(f"{run['ceiling']['rps']:.0f}" for run in cached["pages"].values())
        + "; uncached server "
        + ", ".join(
            f"{run['ceiling']['rps']:.0f}" for run in uncached["pages"].values()
        )
        + f". Errors in all page runs: "
        f"{total_errors}. 'queries' and 'server ms' come from one Django process with "
        f"the page cache off (bench/inprocess.py: the test client through the whole "
        f"middleware stack, gzip accepted; median of {args.runs} requests after 10 to "
        f"warm up; CPU ms is the process's own CPU time, which other programs on the "
        f"machine inflate less than wall time). Uncached means the page cache is off; "
        f"the parts of pages kept in the shared cache (the shell, fragments keyed by "
        f"the page's live revision and language, search result documents) are warm, "
        f"as between two publishes. 'cold' is the first visitor after a publish: "
        f"every shared cache emptied before each request (median of "
        f"{max(args.runs // 4, 10)}; queries: the most in one request). "
        f"'worker CPU ms/req' is the CPU time "
        f"the gunicorn workers used during the page's wrk runs divided by its "
        f"requests (/proc/<pid>/stat). 1-minute load average of the machine "
        f"during the runs: uncached {'→'.join(uncached['loads'])}, cached "
        f"{'→'.join(cached['loads'])} (2 CPUs; other agents' work shares them).",
        "",
    ]
    load = cached["load_test"]
    lines += [
        f"### Load test (issue 8): 32 clients for {args.load_seconds} s",
        "",
        "All eight pages above in turn, page cache on, same server:",
        "",
        "| requests | req/s | errors | p50 ms | p95 ms | p99 ms | max ms |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {load['requests']} | {load['rps']:.0f} | {load['errors']} | "
        f"{ms(load['p50_us'])} | {ms(load['p95_us'])} | {ms(load['p99_us'])} | "
        f"{ms(load['max_us'])} |",
        "",
        f"Errors counted: connect, read, write, timeouts and answers other than "
        f"2xx/3xx (wrk). Breakdown: {load['connect_errors']} connect, "
        f"{load['read_errors']} read, {load['write_errors']} write, "
        f"{load['status_errors']} status, {load['timeouts']} timeouts.",
        "",
    ]
    weight = cached["weight"]
    weight_ar = cached["weight_ar"]
    memory = cached["memory_after_load_mb"]
    pss_max = max(m["pss"] for m in memory)
    rss_max = max(m["rss"] for m in memory)
    home_nb = inproc["server_time"]["/nb/"]
    heaviest = max(weight["total_gzip"], weight_ar["total_gzip"])
    lines += [
        "### Targets",
        "",
        "| target | measured | met |",
        "| --- | --- | --- |",
    ]

    def ratio(run, kind, lang):
        return run["pages"][(kind, lang)]["ratio"]

    cached_ratios = [ratio(cached, k, lang) for k, lang, _p in pages if k != "search"]
    lines.append(
        f"| cached pages >= {TARGET_CACHED:.0%} of the ceiling (home, guidance, "
        f"service; search results carry a query string and are never cached) | "
        f"{min(cached_ratios):.0%}–{max(cached_ratios):.0%} | "
        f"{yes(min(cached_ratios) >= TARGET_CACHED)} |"
    )
    for kind in ("service", "guidance", "search"):
        values = [ratio(uncached, kind, lang) for lang in LANGUAGES]
        lines.append(
            f"| uncached {kind} pages >= {TARGET_UNCACHED:.0%} of the ceiling | "
            + ", ".join(
                f"{lang} {v:.0%}" for lang, v in zip(LANGUAGES, values, strict=True)
            )
            + f" | {yes(min(values) >= TARGET_UNCACHED)} |"
        )
    lines += [
        f"| server time, one uncached home page < {TARGET_HOME_MS:.0f} ms | "
        f"median {home_nb['wall_ms']:.1f} ms wall, {home_nb['cpu_ms']:.1f} ms CPU "
        f"(nb); ar {inproc['server_time']['/ar/']['wall_ms']:.1f} ms; cold (first "
        f"visitor after a publish): nb {inproc['cold']['/nb/']['wall_ms']:.1f} ms, "
        f"ar {inproc['cold']['/ar/']['wall_ms']:.1f} ms | "
        f"{yes(home_nb['wall_ms'] < TARGET_HOME_MS)} |",
        f"| worker memory < {TARGET_MEMORY_MB} MB after load, judged on PSS (pages "
        f"shared with the master and the other workers counted in proportion) | "
        f"PSS max {pss_max:.0f} MB; RSS / PSS / USS per worker: "
        + ", ".join(f"{m['rss']:.0f} / {m['pss']:.0f} / {m['uss']:.0f}" for m in memory)
        + f" MB (RSS, every shared page counted in full: max {rss_max:.0f} MB, "
        f"{'under' if rss_max < TARGET_MEMORY_MB else 'over'} {TARGET_MEMORY_MB} MB) "
        f"| {yes(pss_max < TARGET_MEMORY_MB)} |",
        f"| home page HTML+CSS+JS < {TARGET_WEIGHT_KB} KB compressed | "
        f"nb {weight['total_gzip'] / 1024:.1f} KB, ar "
        f"{weight_ar['total_gzip'] / 1024:.1f} KB | "
        f"{yes(heaviest < TARGET_WEIGHT_KB * 1024)} |",
        f"| HTML compressed on the wire | Content-Encoding: "
        f"{weight['items'][0]['encoding']} | "
        f"{yes(weight['html_compressed_on_wire'])} |",
        f"| no render-blocking web fonts | {weight['font_faces']} @font-face rules, "
        f"{weight['blocking_fonts']} without font-display swap/optional, "
        f"{weight['preloaded_fonts']} preloaded; {weight['sync_scripts']} scripts "
        f"without defer/async | {yes(weight['blocking_fonts'] == 0)} |",
        f"| load test: zero errors | {load['errors']} errors in "
        f"{load['requests']} requests | {yes(load['errors'] == 0)} |",
        "",
        "Home page weight (nb), bytes on the wire with gzip accepted: "
        + ", ".join(
            f"`{row['path']}` {row['wire_bytes']} ({row['encoding']})"
            for row in weight["items"]
        )
        + ". Queries per page whatever the number of services shown: "
        "`tests/performance/`.",
        "",
        SECTION_END,
    ]
    return "\n".join(lines) + "\n"


def ratio_text(report):
    low, high = min(report["round_ratios"]), max(report["round_ratios"])
    return f"{report['ratio']:.0%} ({low:.0%}–{high:.0%})"


def yes(flag):
    return "yes" if flag else "**no**"


def write_section(text):
    current = RESULTS.read_text() if RESULTS.exists() else "# Benchmark results\n"
    if SECTION_START in current and SECTION_END in current:
        before, rest = current.split(SECTION_START, 1)
        after = rest.split(SECTION_END, 1)[1].lstrip("\n")
        current = before + text + ("\n" + after if after else "")
    else:
        current = current.rstrip("\n") + "\n\n" + text
    RESULTS.write_text(current)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="short runs, to try")
    parser.add_argument("--write", action="store_true", help="write RESULTS.md")
    parser.add_argument("--db", help="reuse (or build once into) this folder")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--cache-url", help="CACHE_URL for the cached server")
    parser.add_argument("--conn-max-age", type=int, default=60)
    args = parser.parse_args()
    # Per page: `rounds` slices of the page and as many of the ceiling.
    args.rounds = 3 if args.quick else 5
    args.slice = 1 if args.quick else 2
    args.load_seconds = 10 if args.quick else 60
    args.runs = 30 if args.quick else 100
    write = args.write or not args.quick

    if shutil.which("wrk") is None:
        log(
            "wrk is missing: the benchmark loads pages with wrk "
            "(Debian/Ubuntu: `sudo apt-get install wrk`). Nothing was measured."
        )
        return 2
    started = datetime.now(UTC)
    temporary = None
    if args.db:
        workdir = Path(args.db).resolve()
        workdir.mkdir(parents=True, exist_ok=True)
    else:
        temporary = workdir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    try:
        env = base_env(workdir, args)
        if not (workdir / "portal.sqlite3").exists():
            build_database(env)
        uncached_env = {**env, "PAGE_CACHE": "off"}
        found = inprocess(uncached_env, "urls")
        pages = []
        for lang in LANGUAGES:
            for kind in PAGE_KINDS:
                if kind == "home":
                    path = f"/{lang}/"
                elif kind == "search":
                    path = f"/{lang}/sok/{SEARCH_QUERY}"
                else:
                    path = f"/{lang}/" + found[kind].split("/", 2)[2]
                pages.append((kind, lang, path))
        log("==> Queries and server time per page, in one process (page cache off)")
        inproc = inprocess(
            uncached_env,
            "measure",
            "--runs",
            str(args.runs),
            "--ceiling-file",
            str(workdir / "ceiling.html"),
            *[path for _k, _l, path in pages],
        )
        for _kind, _lang, path in pages:
            log(
                f"   {path}: {inproc['queries'][path][0]} queries, "
                f"{inproc['server_time'][path]['wall_ms']:.1f} ms "
                f"({inproc['server_time'][path]['cpu_ms']:.1f} ms CPU); cold: "
                f"{inproc['cold'][path]['queries']} queries, "
                f"{inproc['cold'][path]['wall_ms']:.1f} ms"
            )
        uncached = measure_server(uncached_env, args, pages, "uncached")
        cached = measure_server({**env, "PAGE_CACHE": "on"}, args, pages, "cached")
        text = render(args, machine_facts(), pages, inproc, uncached, cached, started)
        print(text)
        if write:
            write_section(text)
            log(f"==> Wrote {RESULTS.relative_to(ROOT)}")
        else:
            log("==> --quick: RESULTS.md left as it is (add --write to update it)")
    finally:
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
