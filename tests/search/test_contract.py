"""Runs the search contract (contract.py) against every backend in conftest.py."""

from tests.search.contract import *  # noqa: F403
