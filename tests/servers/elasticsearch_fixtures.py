"""One real Elasticsearch node for the whole test run, started only when needed.

Tests get it through the session fixture ``elasticsearch_node``; pytest evaluates it
the first time a selected test asks for it, so a run that selects no test marked
``elasticsearch`` never starts Java. When the node cannot be had (no Java, no Maven
for the first download, a startup failure) the tests that need it are skipped with
the one-line reason; with ``CI=true`` they fail instead. The terminal summary says
which of the two happened.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass

import pytest
from django.test import override_settings

from tests.servers.elasticsearch_node import ElasticsearchNode, ElasticsearchUnavailable

TEST_INDEX_PREFIX = "test-hjelp"


@dataclass
class NodeReport:
    url: str = ""
    version: str = ""
    start_seconds: float | None = None
    unavailable: str = ""


_report = NodeReport()


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


@pytest.fixture(scope="session")
def elasticsearch_node():
    """A running single node on 127.0.0.1, which settings.ELASTICSEARCH_URL points
    at for the rest of the session; stopped (and its data removed) at the end."""
    started = time.monotonic()
    node = ElasticsearchNode()
    try:
        node.start()
    except ElasticsearchUnavailable as exc:
        reason = exc.reason.strip().splitlines()[0]
        _report.unavailable = reason
        message = f"Elasticsearch unavailable: {reason}"
        if _in_ci():
            pytest.fail(f"{message} (CI=true: a missing node fails the run)")
        pytest.skip(message)
    _report.start_seconds = time.monotonic() - started
    _report.url = node.url
    _report.version = node.version
    with override_settings(
        ELASTICSEARCH_URL=node.url, ELASTICSEARCH_INDEX_PREFIX=TEST_INDEX_PREFIX
    ):
        yield node
    node.stop()


def pytest_terminal_summary(terminalreporter):
    """Say plainly whether the Elasticsearch tests ran against a real node."""
    if _report.start_seconds is None and not _report.unavailable:
        return  # no selected test needed a node
    if _report.unavailable:
        outcome = "FAILED (CI=true)" if _in_ci() else "SKIPPED"
        line = f"Elasticsearch: tests that need a node {outcome}: {_report.unavailable}"
    else:
        line = (
            f"Elasticsearch: tests ran against a real node {_report.version} "
            f"({_report.url}), started in {_report.start_seconds:.1f}s"
        )
    terminalreporter.write_sep("-", "elasticsearch")
    terminalreporter.write_line(line)
