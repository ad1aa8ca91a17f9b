"""The import's shortcuts (parts written once, permission rows looked up once, a new
organisation's first service slugged without a query) keep what an import promises:
history, parts, slugs and editor groups."""

import uuid

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupPagePermission, PageLogEntry

from directory.models import OrganisationPage, Phone, ServiceAttribute, ServicePage
from tests.directory import factories

pytestmark = pytest.mark.django_db


def _record_of_own_organisation(name, organisation):
    org_id = str(uuid.uuid4())
    record = factories.service_record(name, organisation=organisation)
    record["organization_id"] = org_id
    record["organization"] = {**record["organization"], "id": org_id}
    return record


def test_organisations_of_one_name_get_numbered_groups_with_their_own_rights(taxonomy):
    records = [
        _record_of_own_organisation(f"Tjeneste {n}", "Samme navn") for n in (1, 2, 3)
    ]

    factories.import_services(*records)

    groups = Group.objects.filter(name__startswith="Editors: Samme navn")
    assert sorted(groups.values_list("name", flat=True)) == [
        "Editors: Samme navn",
        "Editors: Samme navn (2)",
        "Editors: Samme navn (3)",
    ]
    organisations = OrganisationPage.objects.filter(title="Samme navn")
    for group in groups:
        grants = GroupPagePermission.objects.filter(group=group)
        assert sorted(g.permission.codename for g in grants) == [
            "add_page",
            "change_page",
        ]
        assert len({g.page_id for g in grants}) == 1
        assert grants[0].page_id in {o.pk for o in organisations}
        assert group.permissions.filter(codename="access_admin").exists()
    assert (
        len({g.page_id for g in GroupPagePermission.objects.filter(group__in=groups)})
        == 3
    )


def test_reimport_adds_no_second_grant(taxonomy):
    record = _record_of_own_organisation("Tjeneste", "Eigen organisasjon")
    factories.import_services(record)
    record["organization"]["description"] = "Endra."

    factories.import_services(record)

    group = Group.objects.get(name="Editors: Eigen organisasjon")
    assert GroupPagePermission.objects.filter(group=group).count() == 2


def test_parts_are_stored_once_and_match_the_published_revision(taxonomy):
    record = factories.service_record("Med deler", organisation="Delar")
    record["phones"].append({"id": str(uuid.uuid4()), "number": "+47 55 55 55 55"})

    factories.import_services(record)

    service = ServicePage.objects.get(hsds_id=record["id"])
    phones = Phone.objects.filter(service=service)
    assert sorted(str(p.hsds_id) for p in phones) == sorted(
        p["id"] for p in record["phones"]
    )
    assert ServiceAttribute.objects.filter(service=service).count() == 1
    revision = service.live_revision
    assert revision == service.latest_revision
    assert [p["hsds_id"] for p in revision.content["phones"]] == [
        p["id"] for p in record["phones"]
    ]
    assert sorted(p["pk"] for p in revision.content["phones"]) == sorted(
        p.pk for p in phones
    )
    for page in (service, service.organisation):
        actions = set(
            PageLogEntry.objects.filter(page=page).values_list("action", flat=True)
        )
        assert {"wagtail.create", "wagtail.publish"} <= actions


def test_services_of_one_name_under_a_new_organisation_get_distinct_slugs(taxonomy):
    first = factories.service_record("Samme teneste", organisation="Ny organisasjon")
    second = factories.service_record("Samme teneste", organisation="Ny organisasjon")

    factories.import_services(first, second)

    slugs = sorted(
        ServicePage.objects.filter(title="Samme teneste").values_list("slug", flat=True)
    )
    assert slugs == ["samme-teneste", "samme-teneste-2"]
