"""A partner editor, signed in with password and code as in production, cannot raise
their own rights by any address the admin or the Django admin offers, over HTTP."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from .conftest import EDITOR_PASSWORD, current_code, sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner_editor(client, portal_site):
    """An editor of one organisation, past the two-factor check."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from directory.models import ServicePage
    from directory.permissions import partner_group
    from tests.directory import factories

    factories.make_taxonomy()
    record = factories.service_record("Krisesenteret", organisation="Organisasjon A")
    factories.import_services(record)
    organisation = ServicePage.objects.get(hsds_id=record["id"]).get_parent()
    user = get_user_model().objects.create_user(
        username="partner", password=EDITOR_PASSWORD, email="partner@example.org"
    )
    group = partner_group(organisation)
    user.groups.add(group)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    sign_in(client, username="partner")
    verified = client.post("/admin/two-factor/verify/", {"code": current_code(device)})
    assert verified.status_code == 302
    assert client.get("/admin/").status_code == 200  # really inside the admin
    return user, group


def rights(user, group):
    user.refresh_from_db()
    return (
        user.is_superuser,
        user.is_staff,
        sorted(user.groups.values_list("name", flat=True)),
        sorted(user.user_permissions.values_list("codename", flat=True)),
        sorted(group.permissions.values_list("codename", flat=True)),
        get_user_model().objects.count(),
    )


def refused(response):
    # The admin answers "not allowed" with a redirect away or a 403, never a form.
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert "/edit" not in response["Location"]


def test_partner_editor_cannot_make_themselves_superuser_or_moderator(
    client, partner_editor
):
    user, group = partner_editor
    before = rights(user, group)
    moderators = Group.objects.get_or_create(name="Moderators")[0]

    for url in (
        reverse("wagtailusers_users:edit", args=[user.pk]),
        f"/django-admin/auth/user/{user.pk}/change/",
    ):
        refused(client.get(url))
        refused(
            client.post(
                url,
                {
                    "username": "partner",
                    "email": "partner@example.org",
                    "is_superuser": "on",
                    "is_staff": "on",
                    "is_active": "on",
                    "groups": [group.pk, moderators.pk],
                },
            )
        )

    assert rights(user, group) == before


def test_partner_editor_cannot_widen_their_own_group(client, partner_editor):
    user, group = partner_editor
    before = rights(user, group)
    every_permission = list(Permission.objects.values_list("pk", flat=True))

    for url in (
        reverse("wagtailusers_groups:edit", args=[group.pk]),
        f"/django-admin/auth/group/{group.pk}/change/",
    ):
        refused(client.get(url))
        refused(client.post(url, {"name": group.name, "permissions": every_permission}))

    assert rights(user, group) == before


def test_partner_editor_cannot_create_a_new_superuser(client, partner_editor):
    user, group = partner_editor
    before = rights(user, group)

    for url in (reverse("wagtailusers_users:add"), "/django-admin/auth/user/add/"):
        refused(
            client.post(
                url,
                {
                    "username": "helper",
                    "email": "helper@example.org",
                    "password1": EDITOR_PASSWORD,
                    "password2": EDITOR_PASSWORD,
                    "is_superuser": "on",
                },
            )
        )

    assert rights(user, group) == before
    assert not get_user_model().objects.filter(username="helper").exists()


def test_partner_editors_own_account_page_offers_no_rights(client, partner_editor):
    user, group = partner_editor
    before = rights(user, group)

    page = client.get(reverse("wagtailadmin_account"))
    client.post(
        reverse("wagtailadmin_account"),
        {"is_superuser": "on", "is_staff": "on", "groups": [1, 2, 3]},
    )

    assert page.status_code == 200
    assert 'name="is_superuser"' not in page.content.decode()
    assert rights(user, group) == before
