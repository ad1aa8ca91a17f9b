"""Fixtures for directory tests: a site, a taxonomy and services built by import."""

import pytest

from directory.models import ServicePage
from tests.directory import factories


@pytest.fixture
def taxonomy(portal_site):
    factories.make_taxonomy()


@pytest.fixture
def make_service(taxonomy):
    def make(name="Testtjeneste", **fields):
        record = factories.service_record(name, **fields)
        factories.import_services(record)
        return ServicePage.objects.get(hsds_id=record["id"])

    return make
