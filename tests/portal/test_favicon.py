"""Browsers ask every site for /favicon.ico. The portal answers with a small, plain
icon from its own files, so the request neither renders a "not found" page nor sets a
cookie. (The icon is a plain square: it shows in tabs and history, so it says
nothing about what the site is.)"""

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_is_served_from_the_sites_own_files_without_a_cookie(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 200
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert not response.cookies
    body = b"".join(response.streaming_content)
    assert len(body) < 4096
