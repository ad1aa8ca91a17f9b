"""Partner editors keep their own organisation's services and pages, and nothing
else, through the admin over HTTP."""

import uuid

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import GroupPagePermission, Locale

from directory.models import (
    DirectoryIndexPage,
    ErrorReport,
    OrganisationPage,
    ServicePage,
    TaxonomyTerm,
)
from directory.permissions import MODERATORS, partner_group
from portal.models import GuidancePage
from tests.directory import factories
from tests.directory.admin_forms import add_form, edit_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_organisations(make_service):
    a = make_service("Tjeneste A", organisation="Organisasjon A")
    b = make_service("Tjeneste B", organisation="Organisasjon B")
    return a, b


def editor_of(organisation, username):
    user = get_user_model().objects.create_user(
        username=username, password="a-long-test-password", email=f"{username}@e.org"
    )
    user.groups.add(partner_group(organisation))
    return user


@pytest.fixture
def editor_a(two_organisations):
    service_a, _ = two_organisations
    return editor_of(service_a.get_parent(), "editor-a")


@pytest.fixture
def as_editor_a(client, editor_a):
    client.force_login(editor_a)
    return client


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def add_url(model, parent):
    app_label, model_name = model.split(".")
    return f"/admin/pages/add/{app_label}/{model_name}/{parent.pk}/"


def refused(response, url):
    """Wagtail answers a forbidden admin page with 403, or sends the editor back to
    the dashboard with a "no permission" message."""
    if response.status_code == 302:
        return url not in response["Location"] and response["Location"] == "/admin/"
    return response.status_code == 403


def guidance_values(title):
    # StreamField posts its block count; an empty body has none.
    return {
        "title": title,
        "slug": slugify(title),
        "summary": "Kort om saken.",
        "body-count": "0",
    }


def form_errors(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return [
        e.get_text(" ", strip=True)
        for e in soup.select(".error-message, .help-critical, [role=alert]")
    ]


def test_each_imported_organisation_gets_its_own_editor_group(two_organisations):
    groups = {partner_group(o).name for o in OrganisationPage.objects.all()}

    assert groups == {"Editors: Organisasjon A", "Editors: Organisasjon B"}


def test_two_organisations_with_one_name_never_share_editors(client, taxonomy):
    """Two crisis centres may carry the same name in different municipalities: the
    editors of one must not be able to edit the other's services."""
    records = []
    for municipality in ("Bergen", "Voss"):
        record = factories.service_record(
            f"Tjeneste i {municipality}", organisation="Krisesenteret"
        )
        organisation_id = str(uuid.uuid5(uuid.NAMESPACE_URL, municipality))
        record["organization_id"] = record["organization"]["id"] = organisation_id
        factories.import_services(record)
        records.append(record)
    in_bergen, in_voss = (
        ServicePage.objects.get(hsds_id=record["id"]) for record in records
    )

    group_bergen = partner_group(in_bergen.get_parent())
    group_voss = partner_group(in_voss.get_parent())
    assert group_bergen != group_voss
    assert group_bergen.name == "Editors: Krisesenteret"
    assert group_voss.name.startswith("Editors: Krisesenteret (")

    client.force_login(editor_of(in_bergen.get_parent(), "editor-bergen"))
    assert client.get(edit_url(in_bergen)).status_code == 200
    assert refused(client.get(edit_url(in_voss)), edit_url(in_voss))


def test_editor_can_open_own_service_and_organisation_in_the_admin(
    as_editor_a, two_organisations
):
    service_a, _ = two_organisations

    assert as_editor_a.get(edit_url(service_a)).status_code == 200
    assert as_editor_a.get(edit_url(service_a.get_parent())).status_code == 200


def test_editor_of_one_organisation_cannot_open_another_or_its_services(
    as_editor_a, two_organisations
):
    _, service_b = two_organisations
    organisation_b = service_b.get_parent()

    for page in (service_b, organisation_b):
        assert refused(as_editor_a.get(edit_url(page)), edit_url(page))


def test_editor_cannot_change_another_organisations_service_by_posting(
    as_editor_a, two_organisations
):
    _, service_b = two_organisations

    response = as_editor_a.post(
        edit_url(service_b), {"title": "Kapret", "action-submit": "submit"}
    )

    assert refused(response, edit_url(service_b))
    assert ServicePage.objects.get(pk=service_b.pk).title == "Tjeneste B"
    assert not ServicePage.objects.get(pk=service_b.pk).has_unpublished_changes


def test_editor_may_add_services_and_pages_only_below_own_organisation(
    as_editor_a, two_organisations
):
    service_a, service_b = two_organisations
    organisation_a, organisation_b = service_a.get_parent(), service_b.get_parent()
    directory = DirectoryIndexPage.objects.get()

    for model in ("directory.servicepage", "portal.guidancepage"):
        assert as_editor_a.get(add_url(model, organisation_a)).status_code == 200
        url = add_url(model, organisation_b)
        assert refused(as_editor_a.get(url), url)
    new_organisation = add_url("directory.organisationpage", directory)
    assert refused(as_editor_a.get(new_organisation), new_organisation)
    next_to_home = add_url("portal.guidancepage", directory.get_parent())
    assert refused(as_editor_a.get(next_to_home), next_to_home)


def test_editor_writes_an_own_page_and_submits_it_for_moderation(
    as_editor_a, two_organisations
):
    organisation_a = two_organisations[0].get_parent()
    data = add_form(
        as_editor_a,
        "portal.guidancepage",
        organisation_a,
        **guidance_values("Slik søker du om plass"),
        **{"action-submit": "submit"},
    )

    response = as_editor_a.post(add_url("portal.guidancepage", organisation_a), data)

    assert response.status_code == 302, form_errors(response)
    page = GuidancePage.objects.get(title="Slik søker du om plass")
    assert page.get_parent().pk == organisation_a.pk
    assert not page.live
    assert page.workflow_in_progress
    # The editor keeps working on it while it waits.
    assert as_editor_a.get(edit_url(page)).status_code == 200


def test_editor_cannot_write_a_page_below_another_organisation(
    as_editor_a, two_organisations
):
    organisation_b = two_organisations[1].get_parent()

    response = as_editor_a.post(
        add_url("portal.guidancepage", organisation_b),
        {**guidance_values("Inntrenger"), "action-submit": "submit"},
    )

    assert refused(response, add_url("portal.guidancepage", organisation_b))
    assert not GuidancePage.objects.filter(title="Inntrenger").exists()


def test_editor_cannot_publish_without_moderator_approval(
    as_editor_a, editor_a, two_organisations
):
    service_a, _ = two_organisations
    data = edit_form(
        as_editor_a,
        service_a,
        title="Endret av redaktør",
        **{"action-publish": "publish"},
    )

    assert not service_a.permissions_for_user(editor_a).can_publish()
    response = as_editor_a.post(edit_url(service_a), data)

    assert response.status_code in (200, 302)
    live = ServicePage.objects.get(pk=service_a.pk)
    assert live.title == "Tjeneste A"
    assert live.live_revision.content["title"] == "Tjeneste A"


def test_editor_cannot_touch_the_taxonomy(as_editor_a):
    term = TaxonomyTerm.objects.first()
    index = "/admin/snippets/directory/taxonomyterm/"
    edit = f"{index}edit/{term.pk}/"
    add = f"{index}add/"

    assert refused(as_editor_a.get(index), index)
    assert refused(as_editor_a.get(edit), edit)
    posted = as_editor_a.post(
        add, {"name": "Falsk", "code": "falsk", "taxonomy": "category"}
    )
    assert refused(posted, add)
    assert not TaxonomyTerm.objects.filter(code="falsk").exists()


def test_editor_cannot_grant_themselves_rights(as_editor_a, editor_a):
    moderators = Group.objects.get(name=MODERATORS)
    own_group = editor_a.groups.get()

    moderators_url = reverse("wagtailusers_groups:edit", args=[moderators.pk])
    own_group_url = reverse("wagtailusers_groups:edit", args=[own_group.pk])
    user_url = reverse("wagtailusers_users:edit", args=[editor_a.pk])

    group_page = as_editor_a.get(moderators_url)
    own_group_page = as_editor_a.post(own_group_url, {"name": own_group.name})
    user_edit = as_editor_a.post(
        user_url,
        {"username": "editor-a", "groups": [moderators.pk], "is_superuser": "on"},
    )
    django_admin = as_editor_a.get("/django-admin/auth/user/")

    editor_a.refresh_from_db()
    assert refused(group_page, moderators_url)
    assert refused(own_group_page, own_group_url)
    assert refused(user_edit, user_url)
    assert django_admin.status_code == 302
    assert django_admin["Location"].startswith("/django-admin/login/")
    assert not editor_a.is_superuser and not editor_a.is_staff
    assert list(editor_a.groups.all()) == [own_group]
    assert own_group.permissions.filter(codename__contains="group").count() == 0


def test_editor_sees_and_closes_only_own_organisations_error_reports(
    as_editor_a, two_organisations
):
    service_a, service_b = two_organisations
    own = ErrorReport.objects.create(service=service_a, problem="phone")
    other = ErrorReport.objects.create(service=service_b, problem="hours")
    index = "/admin/snippets/directory/errorreport/"

    listing = as_editor_a.get(index)
    other_edit = f"{index}edit/{other.pk}/"
    other_history = f"{index}history/{other.pk}/"
    closed = as_editor_a.post(f"{index}edit/{own.pk}/", {"resolved": "on"})
    tampered = as_editor_a.post(other_edit, {"resolved": "on"})

    assert listing.status_code == 200
    assert f"{index}edit/{own.pk}/" in listing.content.decode()
    assert other_edit not in listing.content.decode()
    assert closed.status_code == 302, form_errors(closed)
    assert ErrorReport.objects.get(pk=own.pk).resolved
    assert refused(as_editor_a.get(other_edit), other_edit)
    assert refused(tampered, other_edit)
    assert refused(as_editor_a.get(other_history), other_history)
    assert not ErrorReport.objects.get(pk=other.pk).resolved


def test_changes_in_the_directory_go_through_the_moderation_workflow(
    two_organisations,
):
    service_a, _ = two_organisations

    workflow = service_a.get_workflow()

    assert workflow is not None and workflow.active
    assert MODERATORS in [
        group.name for task in workflow.tasks.specific() for group in task.groups.all()
    ]


def test_organisation_made_in_the_admin_gets_its_editor_group(
    admin_client, two_organisations
):
    directory = DirectoryIndexPage.objects.get()
    data = add_form(
        admin_client,
        "directory.organisationpage",
        directory,
        title="Ny partner",
        slug="ny-partner",
        **{"action-publish": "publish"},
    )

    response = admin_client.post(add_url("directory.organisationpage", directory), data)

    assert response.status_code == 302
    organisation = OrganisationPage.objects.get(title="Ny partner")
    group = partner_group(organisation)
    assert group.name == "Editors: Ny partner"
    assert set(
        GroupPagePermission.objects.filter(group=group).values_list(
            "permission__codename", flat=True
        )
    ) == {"add_page", "change_page"}


def test_translations_of_an_organisation_belong_to_the_same_editors(
    client, editor_a, two_organisations
):
    service_a, _ = two_organisations
    english = service_a.copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    client.force_login(editor_a)

    assert partner_group(english.get_parent()) == editor_a.groups.get()
    assert client.get(edit_url(english)).status_code == 200
    assert english.get_workflow() is not None


def test_setup_without_example_content_prepares_the_directorys_rules():
    call_command("setup_portal", "--no-example-content", verbosity=0)

    directory = DirectoryIndexPage.objects.get()
    moderators = Group.objects.get(name=MODERATORS)
    assert directory.get_workflow().name == "Directory moderation"
    assert set(
        GroupPagePermission.objects.filter(
            group=moderators, page=directory
        ).values_list("permission__codename", flat=True)
    ) >= {"add_page", "change_page", "publish_page"}
    assert moderators.permissions.filter(codename="change_taxonomyterm").exists()
