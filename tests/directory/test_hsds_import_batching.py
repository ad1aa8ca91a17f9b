"""The import's batching (log entries written a batch at a time, a new page's
checks and empty parts known without asking, search documents built from a few
queries per batch) keeps what publishing by hand gives: the same history, checks,
references, editor rights and search index."""

import json
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Page, PageLogEntry, PageViewRestriction, ReferenceIndex

from directory.hsds import ImportFailed, importer
from directory.models import OrganisationPage, ServicePage, TaxonomyTerm
from search.backends.base import SearchQuery, get_backend
from tests.directory import factories

pytestmark = pytest.mark.django_db

# What a log entry says, apart from its own id, time and page.
ENTRY_FIELDS = ["action", "label", "content_changed", "deleted", "user_id", "data"]


def _own_organisation(record, name):
    org_id = str(uuid.uuid4())
    record["organization_id"] = org_id
    record["organization"] = {**record["organization"], "id": org_id, "name": name}
    return record


def _history(page):
    return [
        {name: getattr(entry, name) for name in ENTRY_FIELDS}
        for entry in PageLogEntry.objects.filter(page=page).order_by("pk")
    ]


def test_imported_pages_have_the_history_publishing_by_hand_writes(taxonomy):
    record = _own_organisation(factories.service_record("Logga teneste"), "Logga org")

    factories.import_services(record)

    service = ServicePage.objects.get(hsds_id=record["id"])
    organisation = service.get_parent().specific
    # The same page made and published by hand, the way an editor's "Publish" does.
    by_hand = OrganisationPage(
        title="Logga org", slug="for-hand", hsds_id=uuid.uuid4(), locale=service.locale
    )
    organisation.get_parent().add_child(instance=by_hand)
    by_hand.save_revision().publish()
    expected = [
        {**entry, "label": "Logga org"} for entry in _history(by_hand)
    ]  # the label is the page's title
    assert [e["action"] for e in expected] == ["wagtail.create", "wagtail.publish"]
    assert _history(organisation) == expected
    assert [e["action"] for e in _history(service)] == [
        "wagtail.create",
        "wagtail.publish",
    ]
    published = PageLogEntry.objects.get(page=service, action="wagtail.publish")
    assert published.revision_id == service.live_revision_id
    assert published.content_type.model_class() is ServicePage
    assert published.label == "Logga teneste"


def test_log_entries_are_written_immediately_again_after_an_import(taxonomy):
    factories.import_services(factories.service_record("Først"))
    assert "create" not in PageLogEntry.objects.__dict__

    service = ServicePage.objects.get(title="Først")
    service.save_revision().publish()

    assert PageLogEntry.objects.filter(page=service).count() == 3


def test_many_pages_get_their_entries_across_several_batches(taxonomy, monkeypatch):
    monkeypatch.setattr(importer, "LOG_BATCH_SIZE", 3)
    records = [
        _own_organisation(factories.service_record(f"Teneste {n}"), f"Org {n}")
        for n in range(4)
    ]

    factories.import_services(*records)

    for page in [*ServicePage.objects.all(), *OrganisationPage.objects.all()]:
        assert [e["action"] for e in _history(page)] == [
            "wagtail.create",
            "wagtail.publish",
        ]


def test_a_failed_import_leaves_no_log_entries(taxonomy, monkeypatch):
    # A batch is written before the broken record: the rollback takes it too.
    monkeypatch.setattr(importer, "LOG_BATCH_SIZE", 2)
    before = PageLogEntry.objects.count()
    good = factories.service_record("God")
    bad = factories.service_record("Dårleg", minimum_age=18, maximum_age=10)

    with pytest.raises(ImportFailed):
        factories.import_services(good, bad)

    assert PageLogEntry.objects.count() == before
    assert not ServicePage.objects.exists()


def test_a_new_organisation_is_still_checked_before_it_is_saved(taxonomy):
    # Nothing checks an organisation's page before Wagtail saves it.
    record = _own_organisation(factories.service_record("Teneste"), "x" * 300)

    with pytest.raises(ImportFailed) as failure:
        factories.import_services(record)

    assert failure.value.problems[0].startswith("$.contents[0].name: ")
    assert "255" in failure.value.problems[0]
    assert not OrganisationPage.objects.exists()


def test_a_new_service_has_its_revision_and_references(taxonomy):
    record = factories.service_record("Med referansar")

    factories.import_services(record)

    service = ServicePage.objects.get(hsds_id=record["id"])
    revision = service.live_revision
    assert revision == service.latest_revision
    assert revision.content["wagtail_admin_comments"] == []
    assert revision.content["closures"] == []
    assert revision.as_object().title == "Med referansar"
    term = TaxonomyTerm.objects.get(
        hsds_id=record["attributes"][0]["taxonomy_term_id"], locale=service.locale
    )
    referring = ReferenceIndex.get_references_to(term).values_list(
        "object_id", flat=True
    )
    assert str(service.pk) in set(referring)


def test_an_organisations_editors_can_edit_its_imported_service_only(taxonomy):
    mine = _own_organisation(factories.service_record("Min teneste"), "Mi org")
    other = _own_organisation(factories.service_record("Anna teneste"), "Anna org")
    factories.import_services(mine, other)
    editor = get_user_model().objects.create_user("redaktor", password="x")
    editor.groups.add(Group.objects.get(name="Editors: Mi org"))

    own = ServicePage.objects.get(hsds_id=mine["id"])
    foreign = ServicePage.objects.get(hsds_id=other["id"])

    assert own.permissions_for_user(editor).can_edit()
    assert not foreign.permissions_for_user(editor).can_edit()


def test_imported_services_are_found_by_their_organisations_name(taxonomy):
    record = _own_organisation(
        factories.service_record("Samtaletilbod"), "Zebrastripe stiftinga"
    )

    factories.import_services(record)

    results = get_backend().search(SearchQuery(text="zebrastripe", language="nb"))
    assert [hit.id for hit in results.hits] == [record["id"]]
    assert results.hits[0].document.organisation == "Zebrastripe stiftinga"


def test_services_below_a_restricted_page_stay_out_of_search(taxonomy):
    factories.import_services(factories.service_record("Open", organisation="Synleg"))
    directory = Page.objects.get(slug="hjelp")
    PageViewRestriction.objects.create(
        page=directory, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    record = factories.service_record("Løynd", organisation="Zebralaus")

    factories.import_services(record)

    assert get_backend().search(SearchQuery(text="zebralaus", language="nb")).count == 0


def test_reimport_renaming_a_service_logs_the_rename_and_ends_its_review(taxonomy):
    record = factories.service_record("Gammalt namn")
    factories.import_services(record)
    service = ServicePage.objects.get(hsds_id=record["id"])
    editor = get_user_model().objects.create_user("forfattar", password="x")
    service.save_revision(user=editor)
    service.get_workflow().start(service, editor)
    assert ServicePage.objects.get(pk=service.pk).workflow_in_progress
    record["name"] = "Nytt namn"

    factories.import_services(record)

    service = ServicePage.objects.get(pk=service.pk)
    assert not service.workflow_in_progress
    rename = PageLogEntry.objects.get(page=service, action="wagtail.rename")
    assert rename.data["title"] == {"old": "Gammalt namn", "new": "Nytt namn"}


def test_a_service_moved_to_a_new_organisation_keeps_its_slug_to_itself(taxonomy):
    moved = factories.service_record("Samme namn", organisation="Gammal org")
    factories.import_services(moved)
    moved = _own_organisation(moved, "Ny org")
    new = factories.service_record("Samme namn")
    new["organization_id"] = moved["organization_id"]
    new["organization"] = moved["organization"]

    factories.import_services(moved, new)

    organisation = OrganisationPage.objects.get(title="Ny org")
    slugs = sorted(organisation.get_children().values_list("slug", flat=True))
    assert slugs == ["samme-namn", "samme-namn-2"]


def test_reimport_across_lookup_batches_updates_each_service_once(
    taxonomy, monkeypatch
):
    monkeypatch.setattr(importer, "LOOKUP_BATCH_SIZE", 2)
    records = [
        factories.service_record(f"Teneste {n}", organisation=f"Org {n % 2}")
        for n in range(3)
    ]
    factories.import_services(*records)
    for record in records:
        record["name"] += " ny"
    records[1]["organization"]["description"] = "Endra."
    again = {**records[0], "description": "Andre gong i same dokument."}

    report = factories.import_services(*records, again)

    assert sorted(ServicePage.objects.values_list("title", flat=True)) == [
        "Teneste 0 ny",
        "Teneste 1 ny",
        "Teneste 2 ny",
    ]
    assert ServicePage.objects.get(hsds_id=records[0]["id"]).description == (
        "Andre gong i same dokument."
    )
    assert report.counts["created"] == 0
    assert OrganisationPage.objects.count() == 2
    assert OrganisationPage.objects.get(title="Org 1").description == "Endra."


def test_a_file_broken_halfway_still_reports_the_records_before_it(taxonomy, tmp_path):
    bad = factories.service_record("Dårleg", minimum_age=18, maximum_age=10)
    text = json.dumps({"contents": [bad, factories.service_record("God")]})
    path = tmp_path / "broken.json"
    path.write_text(text[: len(text) - 40], encoding="utf-8")

    with pytest.raises(ImportFailed) as failure:
        importer.import_file(path)

    problems = failure.value.problems
    assert any(p.startswith("$.contents[0].maximum_age:") for p in problems)
    assert len(problems) == 2
    assert not ServicePage.objects.exists()


def test_twelve_organisations_of_one_name_get_the_next_free_slug_and_group(taxonomy):
    # Past the ten names looked up by name: the prefix search takes over.
    records = [
        _own_organisation(factories.service_record(f"Teneste {n}"), "Mange")
        for n in range(12)
    ]

    factories.import_services(*records)

    slugs = set(
        OrganisationPage.objects.filter(title="Mange").values_list("slug", flat=True)
    )
    assert slugs == {"mange"} | {f"mange-{n}" for n in range(2, 13)}
    groups = set(
        Group.objects.filter(name__startswith="Editors: Mange").values_list(
            "name", flat=True
        )
    )
    assert groups == {"Editors: Mange"} | {
        f"Editors: Mange ({n})" for n in range(2, 13)
    }
