"""Images in guidance pages: served as AVIF and WebP renditions in a few widths, with
the editor's alt text, loaded lazily; a phone never downloads the original."""

import io
import re

import pytest
from bs4 import BeautifulSoup
from django.core.files.images import ImageFile
from PIL import Image as PillowImage

pytestmark = pytest.mark.django_db


@pytest.fixture
def photo(settings, tmp_path):
    from wagtail.images.models import Image

    settings.MEDIA_ROOT = tmp_path
    buffer = io.BytesIO()
    PillowImage.new("RGB", (1600, 900), (11, 79, 108)).save(buffer, "PNG")
    image = Image(title="Inngangen til barnevernvakten", width=1600, height=900)
    image.file = ImageFile(buffer, name="inngang.png")
    image.save()
    return image


@pytest.fixture
def page_with_photo(home_page, photo):
    from portal.models import GuidancePage

    page = GuidancePage(
        title="Slik ser det ut",
        slug="slik-ser-det-ut",
        body=[
            {
                "type": "image",
                "value": {
                    "image": photo.pk,
                    "alt_text": "Døren inn til barnevernvakten",
                    "decorative": False,
                },
            }
        ],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_an_image_is_a_picture_of_avif_and_webp_renditions(client, page_with_photo):
    response = client.get("/nb/slik-ser-det-ut/")

    assert response.status_code == 200
    picture = BeautifulSoup(response.content, "html.parser").select_one(
        "figure.content-image picture"
    )
    sources = {s["type"]: s for s in picture.find_all("source")}
    assert set(sources) == {"image/avif", "image/webp"}
    for source in sources.values():
        widths = re.findall(r" (\d+)w", source["srcset"])
        assert widths == ["400", "800", "1200"]
        assert source["sizes"].startswith("(max-width: 48rem)")
    image = picture.find("img")
    assert image["alt"] == "Døren inn til barnevernvakten"
    assert image["loading"] == "lazy"
    assert image["width"] and image["height"]  # no layout shift
    assert "inngang.png" not in str(picture)  # never the original upload


def test_the_renditions_really_are_avif_and_webp_files(client, page_with_photo, photo):
    client.get("/nb/slik-ser-det-ut/")

    heads = {}
    for rendition in photo.renditions.all():
        with rendition.file.open("rb") as handle:
            kind = re.search(r"format-(\w+)", rendition.filter_spec).group(1)
            heads.setdefault(kind, []).append((rendition.width, handle.read(16)))
    assert sorted(width for width, _head in heads["avif"]) == [400, 800, 1200]
    assert all(head[4:12] == b"ftypavif" for _width, head in heads["avif"])
    assert all(head[8:12] == b"WEBP" for _width, head in heads["webp"])


def test_a_decorative_image_has_empty_alt_text(client, home_page, photo):
    from portal.models import GuidancePage

    page = GuidancePage(
        title="Pynt",
        slug="pynt",
        body=[
            {
                "type": "image",
                "value": {"image": photo.pk, "alt_text": "", "decorative": True},
            }
        ],
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()

    html = client.get("/nb/pynt/").content
    image = BeautifulSoup(html, "html.parser").select_one("figure picture img")

    assert image["alt"] == ""
