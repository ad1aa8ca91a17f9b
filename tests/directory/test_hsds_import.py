"""Importing HSDS: all or nothing, every problem with its JSON path, ids kept."""

import pytest

from directory.hsds import ImportFailed, import_document
from directory.models import OrganisationPage, ServicePage, TaxonomyTerm
from tests.directory import factories

pytestmark = pytest.mark.django_db


def test_taxonomy_terms_get_a_row_per_language_sharing_one_translation_key(taxonomy):
    terms = TaxonomyTerm.objects.filter(code="police")

    assert {t.locale.language_code: t.name for t in terms} == {
        "nb": "Politi",
        "en": "Police",
    }
    assert len({t.translation_key for t in terms}) == 1


def test_a_service_is_created_published_and_attributed_to_its_organisation(taxonomy):
    record = factories.service_record("Krisesenter Test", organisation="Org A")

    factories.import_services(record)

    service = ServicePage.objects.get(hsds_id=record["id"])
    assert service.live
    assert service.organisation.title == "Org A"
    assert service.phones.get().number.startswith("+4700")


def test_reimporting_updates_instead_of_duplicating(taxonomy):
    record = factories.service_record("Før")
    factories.import_services(record)
    record["name"] = "Etter"

    report = factories.import_services(record)

    assert ServicePage.objects.filter(hsds_id=record["id"]).count() == 1
    assert ServicePage.objects.get(hsds_id=record["id"]).title == "Etter"
    assert report.created == [] and len(report.updated) == 1
    assert OrganisationPage.objects.count() == 1


def test_one_invalid_record_applies_nothing_and_reports_each_problem(taxonomy):
    good = factories.service_record("God")
    bad = factories.service_record(
        "Dårlig",
        minimum_age=18,
        maximum_age=10,
        phones=[{"id": "3f1d6f7e-0000-4000-8000-000000000001", "number": "abc"}],
    )

    with pytest.raises(ImportFailed) as failure:
        factories.import_services(good, bad)

    problems = failure.value.problems
    assert any(p.startswith("$.contents[1].phones[0].number:") for p in problems)
    assert any(p.startswith("$.contents[1].maximum_age:") for p in problems)
    assert not ServicePage.objects.exists()
    assert not OrganisationPage.objects.exists()


def test_dry_run_reports_but_changes_nothing(taxonomy):
    record = factories.service_record("Prøve")

    report = import_document({"contents": [record]}, dry_run=True)

    assert report.dry_run and "service Prøve" in report.created
    assert not ServicePage.objects.exists()


def test_unknown_taxonomy_term_is_reported_with_its_path(taxonomy):
    record = factories.service_record(
        attributes=[
            {
                "id": "3f1d6f7e-0000-4000-8000-000000000002",
                "taxonomy_term_id": "3f1d6f7e-0000-4000-8000-00000000dead",
            }
        ]
    )

    with pytest.raises(ImportFailed) as failure:
        factories.import_services(record)

    assert failure.value.problems[0].startswith(
        "$.contents[0].attributes[0].taxonomy_term_id: unknown taxonomy term"
    )


def test_a_document_of_the_wrong_shape_is_refused_plainly(db):
    with pytest.raises(ImportFailed) as failure:
        import_document({"hello": "world"})

    assert "expected an HSDS services page" in failure.value.problems[0]


def test_translation_set_becomes_a_published_translation_of_the_same_service(
    taxonomy,
):
    record = factories.service_record("Krisesenteret")
    factories.import_services(record)

    factories.import_services(
        {"id": record["id"], "name": "The crisis centre", "description": "In English."},
        language="en",
    )

    source = ServicePage.objects.get(hsds_id=record["id"], locale__language_code="nb")
    english = source.get_translation(
        source.locale.__class__.objects.get(language_code="en")
    )
    assert english.live
    assert english.specific.title == "The crisis centre"
    assert english.specific.phones.get().number == source.phones.get().number
