"""The "report an error" form takes posts from the portal's own pages only, as a
browser sends them: public pages send no referrer, so the Origin is "null"."""

import pytest

from directory.models import ErrorReport

pytestmark = pytest.mark.django_db


def test_a_post_from_the_portals_own_page_is_received(client, make_service):
    service = make_service("Eget skjema")

    response = client.post(
        f"/nb/meld-feil/{service.pk}/",
        {"problem": "phone"},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 302
    assert ErrorReport.objects.filter(service=service).count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "null", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {
            "HTTP_ORIGIN": "https://evil.example.com",
            "HTTP_SEC_FETCH_SITE": "cross-site",
        },
        {"HTTP_SEC_FETCH_SITE": "same-site"},
    ],
)
def test_a_post_from_another_site_or_a_sandboxed_frame_is_refused(
    client, make_service, headers
):
    service = make_service("Trygt skjema")

    response = client.post(
        f"/nb/meld-feil/{service.pk}/", {"problem": "phone"}, **headers
    )

    assert response.status_code == 400
    assert b"Cross-site" in response.content
    assert not ErrorReport.objects.exists()


def test_a_report_is_received_when_the_shared_cache_cannot_be_reached(
    client, make_service, settings
):
    """The rate limit lives in the shared cache; with Redis down the limit cannot be
    kept, but the visitor's report must not be lost to a 500."""
    from portal.settings.base import cache_settings
    from tests.servers.redis_server import free_port

    service = make_service("Skjema uten cache")
    settings.CACHES = cache_settings(f"redis://127.0.0.1:{free_port()}/0", None)

    response = client.post(
        f"/nb/meld-feil/{service.pk}/",
        {"problem": "phone"},
        HTTP_ORIGIN="null",
        HTTP_SEC_FETCH_SITE="same-origin",
    )

    assert response.status_code == 302
    assert ErrorReport.objects.filter(service=service).count() == 1
