"""Every response tells the browser to protect the visitor: strict CSP on public pages,
no framing, no referrer, no powerful browser features."""

import pytest

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = ["/nb/", "/en/", "/ar/", "/", "/nb/finnes-ikke/", "/healthz"]
STRICT_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
}


def directives(response):
    policy = response["Content-Security-Policy"]
    return dict(
        part.strip().split(" ", 1) for part in policy.split(";") if part.strip()
    )


def permissions(response):
    return dict(
        item.strip().split("=", 1) for item in response["Permissions-Policy"].split(",")
    )


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_responses_carry_the_strict_content_security_policy(
    client, home_page, path
):
    response = client.get(path)

    assert directives(response) == STRICT_POLICY


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_policy_allows_nothing_inline_and_no_other_host(client, home_page, path):
    policy = client.get(path)["Content-Security-Policy"]

    assert "'unsafe-inline'" not in policy
    assert "'unsafe-eval'" not in policy
    assert "http" not in policy
    assert "*" not in policy


@pytest.mark.parametrize("path", [*PUBLIC_PATHS, "/static/js/quick-exit.js"])
def test_every_response_carries_the_safety_headers(client, home_page, path):
    response = client.get(path)

    assert response["Referrer-Policy"] == "no-referrer"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["Cross-Origin-Resource-Policy"] == "same-origin"
    assert "Content-Security-Policy" in response


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_browser_features_are_off_except_geolocation_for_the_portal_itself(
    client, home_page, path
):
    features = permissions(client.get(path))

    assert features["geolocation"] == "(self)"
    for feature in ["camera", "microphone", "payment", "usb", "interest-cohort"]:
        assert features[feature] == "()"


def test_admin_has_its_own_policy_that_still_loads_nothing_from_another_host(client):
    response = client.get("/admin/login/")

    admin_policy = directives(response)
    assert "'unsafe-inline'" in admin_policy["script-src"]
    assert admin_policy["object-src"] == "'none'"
    assert admin_policy["frame-ancestors"] == "'self'"
    assert "http" not in response["Content-Security-Policy"]
    assert "*" not in response["Content-Security-Policy"]
    assert (
        response["Permissions-Policy"] == client.get("/healthz")["Permissions-Policy"]
    )


def test_django_admin_gets_the_admin_policy_too(client):
    response = client.get("/django-admin/login/")

    assert "'unsafe-inline'" in directives(response)["script-src"]
