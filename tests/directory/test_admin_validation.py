"""Impossible details typed into the admin come back as messages on the form, never
a 500, and nothing of them is saved."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from directory.models import ServicePage
from directory.permissions import partner_group
from tests.directory.admin_forms import edit_form

pytestmark = pytest.mark.django_db


def test_editor_sees_a_message_for_each_impossible_detail(client, make_service):
    service = make_service("Krisesenteret", organisation="Senteret")
    editor = get_user_model().objects.create_user(
        username="red", password="pw-12345678"
    )
    editor.groups.add(partner_group(service.get_parent()))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(editor)
    data = edit_form(
        client,
        service,
        **{
            "phones-0-number": "12 ab 34",
            "schedules-0-opens_at": "15:00",
            "schedules-0-closes_at": "03:00",
            "minimum_age": "18",
            "maximum_age": "12",
            "locations-TOTAL_FORMS": "1",
            "locations-0-location_type": "physical",
            "locations-0-name": "Kontoret",
            "locations-0-municipality": "Bergen",
            "locations-0-latitude": "48.8566",
            "locations-0-longitude": "2.3522",
            "action-submit": "submit",
        },
    )

    response = client.post(f"/admin/pages/{service.pk}/edit/", data)

    assert response.status_code == 200
    errors = {
        element.get_text(" ", strip=True)
        for element in BeautifulSoup(response.content, "html.parser").select(
            ".error-message"
        )
    }
    text = " ".join(errors)
    assert "phone number" in text.lower()
    assert "past midnight" in text
    assert "maximum age is below the minimum age" in text
    assert "Norway" in text
    page = ServicePage.objects.get(pk=service.pk)
    assert not page.workflow_in_progress
    assert page.get_latest_revision().content["maximum_age"] is None
