#!/usr/bin/env python
"""The database and Elasticsearch backends side by side: search latency (p50/p95),
indexing throughput and index size at 10k and 100k synthetic services.

    .venv/bin/python bench/search_backends.py [--sizes 10000,100000] [--budget 3600]

The same documents and the same query mix as bench/search_latency.py (the database
backend's own benchmark). One real Elasticsearch node (tests/servers/
elasticsearch_node.py, the test distribution) serves the whole run, with the full
JIT and a fixed heap, not the fast-startup options the test suite uses. For each
size a child process builds both indexes from the same analysed documents, and a
second child process, like one server worker, runs the query mix against both,
alternating, so that both see the same machine at the same moment.

A size whose build does not finish within --budget seconds is reported as not
measured. Results are printed and written to this script's section of
bench/RESULTS.md, with the machine's facts.
"""

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _django  # noqa: E402
import search_latency  # noqa: E402

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "RESULTS.md"
SECTION_START = "<!-- bench/search_backends.py: start -->"
SECTION_END = "<!-- bench/search_backends.py: end -->"
BACKENDS = ("database", "elasticsearch")
INDEX_PREFIX = "bench"


def backend_for(name, es_url):
    if name == "database":
        from search.backends.database import DatabaseBackend

        return DatabaseBackend()
    from search.backends.elasticsearch import ElasticsearchBackend

    # Without the site's mirror into the database index: each measured alone.
    return ElasticsearchBackend(url=es_url, prefix=INDEX_PREFIX, mirror=False)


# --- Building (child process) ------------------------------------------------------


def build(source, var_dir, es_url):
    _django.setup(var_dir)
    from directory.hsds import import_document, read_document
    from search import indexing, lexicon
    from search.analysis import analyse_document
    from search.models import IndexState, LexiconEntry

    import_document(read_document(_django.SHARED / "taxonomy.json"))
    started = time.perf_counter()
    documents = list(search_latency.documents_from_hsds(source))
    LexiconEntry.objects.all().delete()
    indexing._remember_words(documents)
    lexicon.forget()
    vocabulary = lexicon.current_vocabulary()
    for document in documents:
        analyse_document(document, vocabulary)
    IndexState.bump()
    result = {
        "documents": len(documents),
        "analysis_s": round(time.perf_counter() - started, 1),
    }
    for name in BACKENDS:
        backend = backend_for(name, es_url)
        backend.clear()
        started = time.perf_counter()
        written = backend.rebuild(documents)
        seconds = time.perf_counter() - started
        result[name] = {
            "index_s": round(seconds, 1),
            "docs_per_s": round(written / seconds),
        }
    db_bytes = sum(f.stat().st_size for f in Path(var_dir).glob("portal.sqlite3*"))
    result["database"]["size_mb"] = round(db_bytes / 2**20, 1)
    result["elasticsearch"].update(elasticsearch_size(backend_for("x", es_url)))
    return result


def elasticsearch_size(backend):
    """Store size of the primaries, as loaded and after merging to one segment."""
    index = f"{INDEX_PREFIX}-nb"
    client = backend.client
    loaded = client.indices.stats(index=index, metric="store")
    loaded_bytes = loaded["_all"]["primaries"]["store"]["size_in_bytes"]
    client.options(request_timeout=600).indices.forcemerge(
        index=index, max_num_segments=1
    )
    merged = client.indices.stats(index=index, metric="store")
    merged_bytes = merged["_all"]["primaries"]["store"]["size_in_bytes"]
    return {
        "size_mb": round(loaded_bytes / 2**20, 1),
        "merged_mb": round(merged_bytes / 2**20, 1),
    }


# --- Querying (child process) ------------------------------------------------------


def measure(var_dir, es_url):
    os.environ["PORTAL_VAR_DIR"] = str(var_dir)
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    sys.path.insert(0, str(_django.ROOT))
    import django

    django.setup()
    from search.backends.base import Point, SearchFilters, SearchQuery

    backends = {name: backend_for(name, es_url) for name in BACKENDS}
    result = {}
    for name, backend in backends.items():
        started = time.perf_counter()
        backend.search(SearchQuery(text="vold"))  # loads the vocabulary
        result[name] = {"cold_ms": round((time.perf_counter() - started) * 1000)}
    load_before = os.getloadavg()[0]
    timings = {name: [] for name in BACKENDS}
    counts = {name: {} for name in BACKENDS}
    for _ in range(search_latency.ROUNDS):
        for language, text, filters, sort in search_latency.QUERIES:
            query = SearchQuery(
                text=text,
                language=language,
                filters=SearchFilters(**filters),
                sort=sort,
                point=Point(60.39, 5.32) if sort == "distance" else None,
            )
            for name, backend in backends.items():
                started = time.perf_counter()
                results = backend.search(query)
                timings[name].append((time.perf_counter() - started) * 1000)
                counts[name][(language, text, sort)] = results.count
    for name in BACKENDS:
        values = sorted(timings[name])
        result[name].update(
            p50_ms=round(statistics.median(values), 1),
            p95_ms=round(values[int(len(values) * 0.95) - 1], 1),
            max_ms=round(values[-1], 1),
            queries=len(values),
            largest_result=max(counts[name].values()),
        )
    same = sum(
        counts["database"][key] == counts["elasticsearch"][key]
        for key in counts["database"]
    )
    result["same_count"] = f"{same}/{len(counts['database'])}"
    result["load"] = f"{load_before:.1f}-{os.getloadavg()[0]:.1f}"
    return result


# --- The run ----------------------------------------------------------------------


class ChildFailed(Exception):
    def __init__(self, reason, detail):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def child(mode, *args, timeout):
    out = subprocess.run(
        [sys.executable, __file__, f"--{mode}", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if out.returncode != 0:
        lines = out.stderr.strip().splitlines() or ["no output"]
        reason = f"--{mode} exited with {out.returncode}: {lines[-1][:200]}"
        raise ChildFailed(reason, out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def start_node(heap):
    from tests.servers import elasticsearch_node

    # The suite's node trades peak speed for a fast start; a benchmark wants the
    # speed a production node has.
    elasticsearch_node.FAST_STARTUP_JAVA_OPTS = ""
    started = time.perf_counter()
    node = elasticsearch_node.ElasticsearchNode(heap=heap, startup_timeout=300)
    node.start()
    return node, time.perf_counter() - started


def java_version():
    from tests.servers.elasticsearch_node import find_java_home

    release = find_java_home() / "release"
    for line in release.read_text().splitlines() if release.is_file() else []:
        if line.startswith("JAVA_VERSION="):
            return line.partition("=")[2].strip('"')
    return "unknown"


def memory_gb():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            return round(int(line.split()[1]) / 2**20)
    return None


def generate(size, target):
    subprocess.run(
        [
            sys.executable,
            str(_django.SHARED / "make_synthetic.py"),
            "--count",
            str(size),
            "--seed",
            "1",
            "--output",
            str(target),
        ],
        check=True,
    )


def run_size(size, es_url, budget):
    with tempfile.TemporaryDirectory(prefix="search-backends-") as tmp:
        source = Path(tmp) / "services.json"
        generate(size, source)
        var_dir = Path(tmp) / "var"
        var_dir.mkdir()
        try:
            built = child("build", source, var_dir, es_url, timeout=budget)
            source.unlink()
            measured = child("measure", var_dir, es_url, timeout=budget)
        except subprocess.TimeoutExpired as exc:
            return {"size": size, "skipped": f"--{exc.cmd[2][2:]} over {budget:.0f} s"}
        except ChildFailed as exc:
            print(exc.detail, file=sys.stderr)
            return {"size": size, "skipped": f"failed: {exc.reason}"}
    return {"size": size, "built": built, "measured": measured}


def table(rows):
    lines = [
        "| services | backend | index s | docs/s | index MB | cold ms | p50 ms "
        "| p95 ms | max ms | largest result |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        if "skipped" in row:
            lines.append(f"| {row['size']} | both | not measured: {row['skipped']} |")
            continue
        for name in BACKENDS:
            built, measured = row["built"][name], row["measured"][name]
            size = f"{built['size_mb']}"
            if "merged_mb" in built:
                size += f" ({built['merged_mb']} merged)"
            lines.append(
                f"| {row['size']} | {name} | {built['index_s']} "
                f"| {built['docs_per_s']} | {size} | {measured['cold_ms']} "
                f"| {measured['p50_ms']} | {measured['p95_ms']} "
                f"| {measured['max_ms']} | {measured['largest_result']} |"
            )
    return lines


def write_section(lines):
    """Replace this script's section of RESULTS.md (or add it); other sections
    belong to other benchmarks and stay as they are."""
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    section = "\n".join([SECTION_START, *lines, SECTION_END])
    if SECTION_START in text and SECTION_END in text:
        before, _, rest = text.partition(SECTION_START)
        _, _, after = rest.partition(SECTION_END)
        text = before + section + after
    else:
        if not text:
            text = "# Benchmark results\n"
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    RESULTS.write_text(text, encoding="utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument(
        "--budget",
        type=float,
        default=3600,
        help="seconds a size may take to build before it is given up",
    )
    parser.add_argument("--heap", default="2g", help="Elasticsearch heap")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument("--build", nargs=3, help=argparse.SUPPRESS)
    parser.add_argument("--measure", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        print(json.dumps(build(*args.build)))
        return
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    if not (_django.SHARED / "make_synthetic.py").exists():
        raise SystemExit("the benchmark needs ../shared/data/make_synthetic.py")
    sys.path.insert(0, str(_django.ROOT))
    node, start_s = start_node(args.heap)
    rows = []
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            row = run_size(size, node.url, args.budget)
            rows.append(row)
            print("\n".join(table([row])[2:]), flush=True)
    finally:
        node.stop()
    lines = [
        "## Search backends side by side (bench/search_backends.py)",
        "",
        f"Measured {dt.date.today().isoformat()}: {_django.machine()}, "
        f"{memory_gb()} GB RAM; Elasticsearch {node.version} (test distribution, "
        f"single node, {args.heap} heap, full JIT, started in {start_s:.0f} s) "
        f"on Java {java_version()}, on the same machine as the benchmark.",
        "",
        *table(rows),
        "",
        f"The query mix of bench/search_latency.py: "
        f"{len(search_latency.QUERIES)} queries x {search_latency.ROUNDS} rounds "
        f"per backend, run alternately in one process. 'index s' is the rebuild "
        f"from analysed documents (Python analysis not included: the same for "
        f"both); Elasticsearch index MB is the primary store as loaded "
        f"(and merged to one segment). Result counts equal between backends: "
        + ", ".join(
            f"{row['size']}: {row['measured']['same_count']}"
            for row in rows
            if "measured" in row
        )
        + ". The machine is shared: its 1-minute load average while the queries ran "
        + ", ".join(
            f"{row['size']}: {row['measured']['load']}"
            for row in rows
            if "measured" in row
        )
        + f" on {os.cpu_count()} CPUs.",
    ]
    print()
    print("\n".join(lines))
    if not args.no_write:
        write_section(lines)


if __name__ == "__main__":
    main()
