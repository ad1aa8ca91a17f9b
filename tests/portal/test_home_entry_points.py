"""The home page's three entry points never lead a visitor to a page that is gone."""

from portal.models import GuidancePage


def entry_links(client):
    return client.get("/nb/").content.decode()


def test_an_entry_point_leads_to_its_published_page(client, home_page):
    guide = GuidancePage(title="Hvem ringer jeg?", slug="hvem-ringer-jeg")
    home_page.add_child(instance=guide)
    home_page.professional_page = guide
    home_page.save()

    assert 'href="/nb/hvem-ringer-jeg/"' in entry_links(client)


def test_an_unpublished_entry_page_falls_back_to_the_search(client, home_page):
    guide = GuidancePage(title="Hvem ringer jeg?", slug="hvem-ringer-jeg")
    home_page.add_child(instance=guide)
    home_page.professional_page = guide
    home_page.save()
    guide.unpublish()

    html = entry_links(client)
    assert 'href="/nb/hvem-ringer-jeg/"' not in html
    assert html.count('href="/nb/sok/"') >= 1
