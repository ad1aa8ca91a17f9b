"""Every published page of the example content keeps the visitor's safety rules:
no cookie, the strict policy, and nothing in the page that the policy would block."""

import re

import pytest

from .test_headers import STRICT_POLICY, directives

pytestmark = pytest.mark.django_db

INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>")
STYLE_ATTRIBUTE = re.compile(r"<[^>]+\sstyle=")
EVENT_HANDLER_ATTRIBUTE = re.compile(r"<[^>]+\son[a-z]+=")


def test_every_published_page_is_safe_for_a_watched_visitor(client, example_content):
    from wagtail.models import Page

    urls = [page.url for page in Page.objects.live().specific() if page.url]
    assert len(urls) > 1

    for url in urls:
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert not response.cookies, url
        assert directives(response) == STRICT_POLICY, url
        assert not INLINE_SCRIPT.search(html), url
        assert "<style" not in html, url
        assert not STYLE_ATTRIBUTE.search(html), url
        assert not EVENT_HANDLER_ATTRIBUTE.search(html), url
