"""Editors see searches without results in a read-only report, and edit the
situation phrases as snippets."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from search.models import SituationPhrase, ZeroHitQuery

pytestmark = pytest.mark.django_db
REPORT = "/admin/reports/searches-without-results/"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redaktor", password="x" * 16)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_editors_see_the_report_of_searches_without_results(client, editor):
    ZeroHitQuery.objects.create(
        query="hjelp til pappa", language="nb", day=timezone.localdate(), count=4
    )
    client.force_login(editor)

    response = client.get(REPORT)

    assert response.status_code == 200
    html = response.content.decode()
    assert "hjelp til pappa" in html
    assert "Searches without results" in html or "Søk uten treff" in html


def test_the_report_has_no_add_or_edit(client, editor):
    client.force_login(editor)

    html = client.get(REPORT).content.decode()

    assert "/edit/" not in html and "/add/" not in html


def test_users_without_the_permission_cannot_see_the_report(client, django_user_model):
    user = django_user_model.objects.create_user("annen", password="x" * 16)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(REPORT)

    assert response.status_code in {302, 403}


def test_situation_phrases_are_seeded_and_editable(client, editor):
    assert SituationPhrase.objects.filter(language="nb", phrase="han slår meg").exists()
    assert SituationPhrase.objects.filter(language="ar", is_draft=True).exists()
    assert not SituationPhrase.objects.filter(language="nb", is_draft=True).exists()
    client.force_login(editor)

    response = client.get(
        "/admin/snippets/portal_search/situationphrase/", {"language": "nb"}
    )

    assert response.status_code == 200
    assert "han slår meg" in response.content.decode()


def test_a_situation_phrase_with_unknown_codes_is_refused(portal_site):
    from django.core.exceptions import ValidationError

    from tests.directory.factories import make_taxonomy

    make_taxonomy()
    phrase = SituationPhrase(
        language="nb", phrase="noe nytt", categories="crisis-shelter, no-such-code"
    )

    with pytest.raises(ValidationError) as error:
        phrase.full_clean()
    assert "no-such-code" in str(error.value)
