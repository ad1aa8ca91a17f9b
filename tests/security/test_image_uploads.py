"""Uploaded images are checked, over HTTP as a signed-in editor: only the allowed
image types, at most 10 MB and 40 million pixels, each refusal with a clear message."""

import os
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.html import escape
from PIL import Image as Picture

from .conftest import current_code, sign_in

pytestmark = pytest.mark.django_db

ADD = "/admin/images/add/"
ADD_MANY = "/admin/images/multiple/add/"


@pytest.fixture
def editor_client(client, editor, authenticator):
    """An editor past the password and the six-digit code, as in production."""
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"code": current_code(authenticator)}
    )
    assert response.status_code == 302
    return client


def picture(size=(40, 30), kind="PNG", mode="RGB", noise=False):
    data = BytesIO()
    if noise:
        image = Picture.frombytes(mode, size, os.urandom(size[0] * size[1] * 3))
    else:
        image = Picture.new(mode, size)
    image.save(data, kind)
    return data.getvalue()


def upload(client, name, content):
    return client.post(
        ADD, {"title": "Bilde", "file": SimpleUploadedFile(name, content)}
    )


def images():
    from wagtail.images.models import Image

    return Image.objects.count()


def refusal(response):
    html = response.content.decode()
    assert response.status_code == 200  # the form again, with the reason
    assert "error-message" in html
    return html


def test_an_ordinary_photo_is_accepted(editor_client):
    response = upload(editor_client, "foto.png", picture())

    assert response.status_code == 302
    assert images() == 1


def test_a_file_that_is_not_an_image_is_refused(editor_client):
    from django import forms
    from django.utils import translation

    response = upload(editor_client, "brev.png", b"%PDF-1.7 not a picture")
    html = refusal(response)

    assert images() == 0
    with translation.override(response.wsgi_request.LANGUAGE_CODE):
        reason = str(forms.ImageField.default_error_messages["invalid_image"])
    assert escape(reason) in html


def test_a_type_not_on_the_list_is_refused_and_the_list_is_named(editor_client):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'

    html = refusal(upload(editor_client, "tegning.svg", svg))

    assert images() == 0
    assert "GIF, JPG, JPEG, PNG, WEBP, AVIF" in html


def test_an_image_whose_name_lies_about_its_type_is_refused(editor_client):
    html = refusal(upload(editor_client, "bilde.png", picture(kind="GIF")))

    assert images() == 0
    assert ".png" in html and "gif" in html


def test_a_file_over_10_mb_is_refused_with_the_limit(editor_client, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    big = picture(size=(2000, 1900), noise=True)  # noise does not compress
    assert len(big) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE

    html = refusal(upload(editor_client, "stor.png", big))

    assert images() == 0
    assert "10.0" in html.replace(",", ".") and "MB" in html


def test_an_image_over_40_million_pixels_is_refused_with_the_limit(
    editor_client, settings
):
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 40_000_000
    # 8000 × 6000 one-bit pixels: a small file, but 48 million pixels to decode.
    html = refusal(upload(editor_client, "enorm.png", picture((8000, 6000), mode="1")))

    assert images() == 0
    assert "48000000" in html and "40000000" in html


def test_the_multiple_upload_refuses_the_same_way(editor_client):
    response = editor_client.post(
        ADD_MANY,
        {"files[]": SimpleUploadedFile("tegning.svg", b"<svg/>")},
        headers={"x-requested-with": "XMLHttpRequest"},
    )

    assert images() == 0
    data = response.json()
    assert data["success"] is False
    assert "GIF, JPG, JPEG, PNG, WEBP, AVIF" in data["error_message"]


def test_anonymous_visitors_cannot_upload(client):
    response = upload(client, "foto.png", picture())

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    assert images() == 0
