#!/usr/bin/env python
"""Search quality: nDCG@5, MRR and success@3 per language on the Vestland dataset.

    .venv/bin/python bench/search_eval.py [--data ../shared/data] [--judgments FILE]

Imports the taxonomy, the Norwegian services and the English translations through
the portal's HSDS importer into a throwaway SQLite database, builds the search index,
and runs every judged query through the database backend. Grades: 3 exact, 2
helpful, 1 related; MRR and success@3 count grades 2 and 3 as relevant.
"""

import argparse
import json
import math
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _django  # noqa: E402

HERE = Path(__file__).resolve().parent


def dcg(gains):
    return sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(gains))


def score(ranked_ids, judged, k=5):
    grades = {item["id"]: item["grade"] for item in judged}
    gains = [grades.get(i, 0) for i in ranked_ids[:k]]
    ideal = sorted(grades.values(), reverse=True)[:k]
    ndcg = dcg(gains) / dcg(ideal) if ideal else 0.0
    relevant = [n for n, i in enumerate(ranked_ids) if grades.get(i, 0) >= 2]
    mrr = 1 / (relevant[0] + 1) if relevant else 0.0
    success = 1.0 if relevant and relevant[0] < 3 else 0.0
    return ndcg, mrr, success


def _no_future_dates(document):
    """The importer refuses a "last verified" date after today; the dataset has a
    few (it was written ahead of time). Cap them at today."""
    import datetime as dt

    today = dt.date.today().isoformat()
    for item in document.get("contents") or []:
        if str(item.get("assured_date", ""))[:10] > today:
            item["assured_date"] = today


def load(data):
    from directory.hsds import import_document, read_document
    from search import indexing

    started = time.perf_counter()
    with indexing.paused():
        for name, language in (
            ("taxonomy.json", None),
            ("vestland-services.hsds.json", None),
            ("vestland-services.en.hsds.json", "en"),
        ):
            document = read_document(data / name)
            _no_future_dates(document)
            report = import_document(document, language=language)
            if report.problems:
                raise SystemExit(f"{name}: {report.problems[:3]}")
    imported = time.perf_counter() - started
    started = time.perf_counter()
    count = indexing.rebuild()
    return count, imported, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=_django.SHARED)
    parser.add_argument(
        "--judgments", type=Path, default=HERE / "judgments/vestland.json"
    )
    parser.add_argument("--verbose", action="store_true", help="show each query")
    parser.add_argument(
        "--db",
        type=Path,
        help="keep the database in this folder; reuse it if already imported",
    )
    args = parser.parse_args()
    if not (args.data / "vestland-services.hsds.json").exists():
        raise SystemExit(f"No dataset in {args.data}: pass --data")
    reuse = bool(args.db and (args.db / "portal.sqlite3").exists())
    if args.db:
        args.db.mkdir(parents=True, exist_ok=True)
    _django.setup(args.db)
    _django.quiet_wagtail_indexing()
    from search import indexing
    from search.backends.base import SearchQuery
    from search.backends.database import DatabaseBackend

    if reuse:
        started = time.perf_counter()
        count = indexing.rebuild()
        print(f"Re-indexed {count} documents ({time.perf_counter() - started:.1f} s)")
    else:
        count, imported, indexed = load(args.data)
        print(f"Indexed {count} documents (import {imported:.0f} s, ", end="")
        print(f"index {indexed:.1f} s)")
    backend = DatabaseBackend()
    judgments = json.loads(args.judgments.read_text(encoding="utf-8"))["queries"]
    by_language = defaultdict(list)
    everything_in_order = []
    for item in judgments:
        results = backend.search(
            SearchQuery(text=item["query"], language=item["language"], per_page=10)
        )
        ranked = [hit.id for hit in results.hits]
        figures = score(ranked, item["relevant"])
        by_language[item["language"]].append(figures)
        everything_in_order.append(figures)
        if args.verbose:
            grades = {r["id"]: r["grade"] for r in item["relevant"]}
            top = " ".join(str(grades.get(i, 0)) for i in ranked[:5])
            print(
                f"  {item['language']} {item['query']!r}: nDCG@5 {figures[0]:.2f} "
                f"MRR {figures[1]:.2f} [{top}]"
            )
    print()
    print("| language | queries | nDCG@5 | MRR | success@3 |")
    print("| --- | ---: | ---: | ---: | ---: |")
    everything = []
    for language in sorted(by_language, key=lambda lang: -len(by_language[lang])):
        rows = by_language[language]
        everything.extend(rows)
        print(_row(language, rows))
    print(_row("**all**", everything))
    added = defaultdict(list)
    for item, figures in zip(judgments, everything_in_order, strict=True):
        added[item.get("added", "")].append(figures)
    if len(added) > 1:
        for when, rows in sorted(added.items()):
            label = f"added {when}" if when else "first set"
            print(_row(f"*{label}*", rows))
    print()
    print(f"Machine: {_django.machine()}")


def _row(label, rows):
    n = len(rows)
    mean = [sum(r[i] for r in rows) / n for i in range(3)]
    return f"| {label} | {n} | {mean[0]:.3f} | {mean[1]:.3f} | {mean[2]:.3f} |"


if __name__ == "__main__":
    main()
