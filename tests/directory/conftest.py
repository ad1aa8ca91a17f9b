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


@pytest.fixture
def hsds_example(portal_site):
    """A slice of the project's example data, imported as an editor's file would
    be (taxonomy, Norwegian services, English set); returns the three documents."""
    from directory.hsds import import_document
    from tests.directory.hsds_support import example_documents

    taxonomy, services, english = example_documents()
    import_document(taxonomy)
    import_document(services)
    import_document(english, language="en")
    return taxonomy, services, english
