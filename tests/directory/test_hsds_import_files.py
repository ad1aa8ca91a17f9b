"""Importing HSDS files as `import_hsds` does: read item by item, all or nothing,
every problem with its JSON path, a second run changes nothing."""

import json
import uuid

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import PageLogEntry, Revision

from directory.hsds import ImportFailed, import_document, import_file
from directory.models import OrganisationPage, Phone, ServicePage, TaxonomyTerm
from tests.directory import factories
from tests.directory.hsds_support import example_documents

pytestmark = pytest.mark.django_db


def write(tmp_path, name, document, indent=None):
    path = tmp_path / name
    path.write_text(json.dumps(document, ensure_ascii=False, indent=indent))
    return path


@pytest.fixture
def example_files(portal_site, tmp_path):
    taxonomy, services, english = example_documents()
    import_document(taxonomy)
    return (
        write(tmp_path, "services.json", services, indent=1),
        write(tmp_path, "services.en.json", english),
        services,
    )


def test_a_file_is_imported_service_by_service_and_published(example_files):
    services_path, _english_path, services = example_files

    report = import_file(services_path)

    assert report.counts["created"] > len(services["contents"])  # + organisations
    imported = ServicePage.objects.filter(locale__language_code="nb")
    assert imported.count() == len(services["contents"])
    assert all(page.live and page.live_revision_id for page in imported)
    published = PageLogEntry.objects.filter(action="wagtail.publish")
    assert published.filter(page__in=imported).count() == imported.count()


def test_a_broken_record_applies_nothing_and_every_problem_has_its_path(
    example_files, tmp_path
):
    _services_path, _english_path, services = example_files
    broken = dict(services["contents"][1])
    broken["phones"] = [{"id": str(uuid.uuid4()), "number": "not a number"}]
    broken["schedules"] = [
        {"id": str(uuid.uuid4()), "byday": "XX", "opens_at": "9", "closes_at": "1"}
    ]
    broken["attributes"] = [
        {"id": str(uuid.uuid4()), "taxonomy_term_id": str(uuid.uuid4())}
    ]
    broken["minimum_age"], broken["maximum_age"] = 18, 12
    broken["url"] = "not a url"
    contents = [*services["contents"][:4], broken, services["contents"][5], "oops"]
    path = write(tmp_path, "broken.json", {"contents": contents}, indent=2)
    terms_before = TaxonomyTerm.objects.count()

    with pytest.raises(ImportFailed) as failure:
        import_file(path)

    problems = failure.value.problems
    for expected in [
        "$.contents[4].phones[0].number:",
        "$.contents[4].schedules[0]: missing or invalid",
        "$.contents[4].attributes[0].taxonomy_term_id: unknown taxonomy term",
        "$.contents[4].maximum_age:",
        "$.contents[4].url:",
        "$.contents[6]: expected a service object",
    ]:
        assert any(p.startswith(expected) for p in problems), (expected, problems)
    assert all(p.startswith(("$.contents[4]", "$.contents[6]")) for p in problems)
    assert not ServicePage.objects.exists()
    assert not OrganisationPage.objects.exists()
    assert TaxonomyTerm.objects.count() == terms_before


def test_broken_json_late_in_a_file_undoes_what_was_read_before_it(
    example_files, tmp_path
):
    services_path, _english_path, _services = example_files
    text = services_path.read_text()
    cut = text.rindex("]") - 200  # inside the last service
    path = tmp_path / "cut.json"
    path.write_text(text[:cut] + ",,\n]}")

    with pytest.raises(ImportFailed) as failure:
        import_file(path)

    (problem,) = failure.value.problems
    assert problem.startswith("$.contents[7]: not valid JSON")
    assert "line" in problem
    assert not ServicePage.objects.exists()


def test_importing_the_same_file_again_changes_nothing(example_files):
    services_path, english_path, services = example_files
    import_file(services_path)
    import_file(english_path, language="en")
    revisions, phones = Revision.objects.count(), list(Phone.objects.values("pk"))

    report = import_file(services_path)
    english = import_file(english_path, language="en")

    assert (report.counts["created"], report.counts["updated"]) == (0, 0)
    assert report.counts["unchanged"] == len(services["contents"])
    assert (english.counts["created"], english.counts["updated"]) == (0, 0)
    assert Revision.objects.count() == revisions
    assert list(Phone.objects.values("pk")) == phones


def test_a_changed_service_gets_one_new_revision_and_the_rest_none(
    example_files, tmp_path
):
    services_path, _english_path, services = example_files
    import_file(services_path)
    revisions = Revision.objects.count()
    changed = json.loads(services_path.read_text())
    changed["contents"][2]["phones"][0]["number"] = "+47 00 00 09 99"

    report = import_file(write(tmp_path, "changed.json", changed))

    assert report.counts["updated"] == 1
    assert Revision.objects.count() == revisions + 1
    service = ServicePage.objects.get(hsds_id=changed["contents"][2]["id"])
    assert service.phones.get().number == "+4700000999"
    assert len(services["contents"]) - 1 == report.counts["unchanged"]


def test_an_organisation_with_several_services_is_published_once(taxonomy):
    records = [
        factories.service_record(f"Tjeneste {n}", organisation="Felles") for n in (1, 2)
    ]

    factories.import_services(*records)

    organisation = OrganisationPage.objects.get(title="Felles")
    assert Revision.objects.filter(object_id=str(organisation.pk)).count() == 1


def test_the_command_imports_a_translation_set(example_files):
    services_path, english_path, _services = example_files
    call_command("import_hsds", str(services_path), verbosity=0)
    english = json.loads(english_path.read_text())["contents"]
    police_id = "58c57b38-696a-5068-83dd-6c7d73f0340b"

    call_command("import_hsds", str(english_path), language="en", verbosity=0)

    police = ServicePage.objects.get(hsds_id=police_id, locale__language_code="en")
    assert police.live
    assert police.title == next(s["name"] for s in english if s["id"] == police_id)


def test_the_command_lists_the_problems_and_fails(portal_site, tmp_path, capsys):
    path = write(tmp_path, "bad.json", {"contents": [{"name": "uten id"}]})

    with pytest.raises(CommandError, match="nothing was imported"):
        call_command("import_hsds", str(path))

    assert "$.contents[0]" in capsys.readouterr().err


def test_a_new_phone_number_reaches_the_translations_too(taxonomy):
    record = factories.service_record("Krisetelefon")
    factories.import_services(record)
    factories.import_services(
        {"id": record["id"], "name": "Crisis line", "description": "In English."},
        language="en",
    )
    record["phones"][0]["number"] = "+47 00 00 08 88"

    factories.import_services(record)

    english = ServicePage.objects.get(hsds_id=record["id"], locale__language_code="en")
    assert english.title == "Crisis line"
    assert english.phones.get().number == "+4700000888"
    assert english.live and not english.has_unpublished_changes


def test_a_service_that_changed_organisation_moves_there(taxonomy):
    record = factories.service_record("Flyttes", organisation="Gammel org")
    factories.import_services(record)
    record["organization"] = dict(record["organization"], id=str(uuid.uuid4()))
    record["organization"]["name"] = record["organization"]["name"].replace(
        "Gammel", "Ny"
    )
    record["organization_id"] = record["organization"]["id"]

    report = factories.import_services(record)

    service = ServicePage.objects.get(hsds_id=record["id"])
    assert service.get_parent().title == "Ny org"
    assert service.live and service.url_path.endswith(f"/{service.slug}/")
    assert "service Flyttes" in report.updated
