"""Partner editors keep their own services, through the admin, over HTTP."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from directory.models import OrganisationPage, ServicePage
from directory.permissions import MODERATORS, partner_group

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


def edit_url(page):
    return f"/admin/pages/{page.pk}/edit/"


def test_each_imported_organisation_gets_its_own_editor_group(two_organisations):
    groups = {partner_group(o).name for o in OrganisationPage.objects.all()}

    assert groups == {"Editors: Organisasjon A", "Editors: Organisasjon B"}


def test_editor_can_open_own_service_in_the_admin(client, editor_a, two_organisations):
    service_a, _ = two_organisations
    client.force_login(editor_a)

    response = client.get(edit_url(service_a))

    assert response.status_code == 200


def test_editor_of_one_organisation_cannot_edit_another(
    client, editor_a, two_organisations
):
    _, service_b = two_organisations
    client.force_login(editor_a)

    response = client.get(edit_url(service_b))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert edit_url(service_b) not in response["Location"]


def test_editor_cannot_publish_without_moderator_approval(
    client, editor_a, two_organisations
):
    service_a, _ = two_organisations
    client.force_login(editor_a)
    page = service_a.specific

    assert not page.permissions_for_user(editor_a).can_publish()
    client.post(
        edit_url(service_a),
        {"action-publish": "publish", "title": "Endret av redaktør"},
    )

    service_a.refresh_from_db()
    assert service_a.live_revision is not None
    assert ServicePage.objects.get(pk=service_a.pk).title == "Tjeneste A"


def test_editor_cannot_grant_themselves_rights(client, editor_a):
    client.force_login(editor_a)
    moderators = Group.objects.get(name=MODERATORS)

    group_page = client.get(f"/admin/groups/{moderators.pk}/")
    user_edit = client.post(
        f"/admin/users/{editor_a.pk}/",
        {"username": "editor-a", "groups": [moderators.pk], "is_superuser": "on"},
    )

    editor_a.refresh_from_db()
    assert group_page.status_code in (302, 403)
    assert user_edit.status_code in (302, 403)
    assert not editor_a.is_superuser
    assert not editor_a.groups.filter(name=MODERATORS).exists()


def test_changes_in_the_directory_go_through_the_moderation_workflow(
    two_organisations,
):
    service_a, _ = two_organisations

    workflow = service_a.get_workflow()

    assert workflow is not None and workflow.active
    assert MODERATORS in [
        group.name for task in workflow.tasks.specific() for group in task.groups.all()
    ]
