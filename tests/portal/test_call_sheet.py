"""The professionals' call sheet: per municipality, by situation, on one A4 page, as a
printable page and as a PDF that any reader can open."""

import datetime as dt
import re

import pytest

from portal import call_sheet
from tests.portal.pdf_reading import read_pdf

pytestmark = pytest.mark.django_db

EVERY_DAY = [
    {
        "id": "00000000-0000-4000-8000-00000000d001",
        "freq": "WEEKLY",
        "byday": "MO,TU,WE,TH,FR,SA,SU",
        "opens_at": "00:00",
        "closes_at": "23:59",
    }
]


def office_hours(uid):
    return [
        {
            "id": f"00000000-0000-4000-8000-0000000{uid:05d}",
            "freq": "WEEKLY",
            "byday": "MO,TU,WE,TH,FR",
            "opens_at": "08:00",
            "closes_at": "15:30",
        }
    ]


def area(name, uid):
    return [{"id": f"00000000-0000-4000-8000-0000001{uid:05d}", "name": name}]


def category(code, uid):
    from tests.directory import factories

    return [
        {
            "id": f"00000000-0000-4000-8000-0000002{uid:05d}",
            "taxonomy_term_id": factories.term_id(code),
        }
    ]


@pytest.fixture
def guide(home_page):
    """A "Who do I call?" guide with two situations, and services in three places."""
    from directory.models import TaxonomyTerm
    from portal.models import GuidancePage
    from tests.directory import factories

    factories.make_taxonomy()
    factories.import_services(
        factories.service_record(
            "Barnevernvakten i Askøy",
            service_areas=area("Askøy", 1),
            attributes=category("police", 1),
            schedules=EVERY_DAY,
        ),
        factories.service_record(
            "Krisesenteret i Askøy",
            service_areas=area("Askøy", 2),
            attributes=category("crisis-shelter", 2),
        ),
        factories.service_record(
            "Fylkespolitiet",
            service_areas=area("Vestland", 3),
            attributes=category("police", 3),
            schedules=office_hours(3),
        ),
        factories.service_record(
            "Politiet – ring 112",
            service_areas=area("Hele landet", 4),
            attributes=category("police", 4),
            phones=[{"id": "00000000-0000-4000-8000-000000000112", "number": "112"}],
        ),
        factories.service_record(
            "Barnevernet i Fedje",
            service_areas=area("Fedje", 5),
            attributes=category("police", 5),
        ),
    )
    guide = GuidancePage(
        title="Hvem ringer jeg?", slug="hvem-ringer-jeg", for_professionals=True
    )
    home_page.add_child(instance=guide)
    terms = {t.code: t for t in TaxonomyTerm.objects.filter(locale=home_page.locale)}
    for title, slug, codes in [
        ("Noen er i akutt fare", "akutt-fare", ["police"]),
        ("Æresrelatert vold", "aeresrelatert-vold", ["crisis-shelter"]),
    ]:
        situation = GuidancePage(title=title, slug=slug, for_professionals=True)
        situation.related_categories = [terms[code] for code in codes]
        guide.add_child(instance=situation)
    home_page.professional_page = guide
    home_page.save()
    return guide


def sheet_for(municipality, today=dt.date(2026, 11, 27)):
    from wagtail.models import Site

    return call_sheet.build(Site.objects.get(is_default_site=True), municipality, today)


def test_each_situation_lists_the_municipality_s_own_services_before_wider_ones(guide):
    sheet = sheet_for("Askøy")

    assert [s.title for s in sheet.situations] == [
        "Noen er i akutt fare",
        "Æresrelatert vold",
    ]
    acute = [entry.title for entry in sheet.situations[0].entries]
    # Fedje's service does not cover Askøy; the police's 112 is already at the top.
    assert acute == ["Barnevernvakten i Askøy", "Fylkespolitiet"]
    assert [e.title for e in sheet.situations[1].entries] == ["Krisesenteret i Askøy"]


def test_an_entry_has_its_phone_hours_verification_and_example_marking(guide):
    local, county = sheet_for("Askøy").situations[0].entries

    assert local.round_the_clock and local.hours == "Døgnåpen"
    assert county.hours == "man–fre 08.00–15.30"
    assert local.phones[0][0].startswith("00 00 00")
    assert local.phones[0][1].startswith("tel:+4700")
    assert local.verified_text == "01.10.2026"
    assert local.is_example_data


@pytest.mark.parametrize(
    ("byday", "shown"),
    [
        ("MO,TU,WE,TH,FR", "man–fre"),
        ("MO,WE", "man, ons"),
        ("MO,TU,TH,FR,SA", "man, tir, tor–lør"),
        ("1TH", None),
    ],
)
def test_days_are_shown_briefly(byday, shown):
    assert call_sheet.day_span(byday) == shown


@pytest.mark.parametrize("name", ["askøy", "ASKØY", " Askøy ", "askoy"])
def test_a_municipality_is_found_in_any_letter_case(name):
    assert call_sheet.find_municipality(name) == "Askøy"


def test_without_a_guide_the_sheet_still_gives_the_emergency_numbers(portal_site):
    sheet = sheet_for("Bergen")

    assert sheet.situations == []
    assert ("112", "Politi") in sheet.emergency_numbers


# --- The PDF, read the way a PDF reader reads it --------------------------------


def test_the_pdf_is_one_a4_page_with_the_municipality_in_norwegian_letters(
    client, guide
):
    response = client.get("/nb/ringeliste/Ask%C3%B8y.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert not response.cookies
    data = response.content
    assert data.startswith(b"%PDF-1.")
    objects, texts = read_pdf(data)
    pages = [body for body in objects.values() if b"/Type /Page " in body]
    assert len(pages) == 1
    assert b"/MediaBox [0 0 595.28 841.89]" in pages[0]
    assert b"/Encoding /WinAnsiEncoding" in data
    text = "\n".join(t for _x, _y, t in texts)
    assert "Hvem ringer jeg? Ringeliste for Askøy" in text
    assert "Æresrelatert vold" in text
    for number in ("112", "113", "110", "116 111", "116 117", "116 123"):
        assert number in text
    assert "* Barnevernvakten i Askøy" in text  # marked as example data
    assert "Eksempeldata" in text
    assert "Døgnåpen" in text
    assert "kontrollert 01.10.2026" in text
    assert re.search(r"skrevet ut \d{1,2}\. \w+ 20\d\d", text)
    assert "Fedje" not in text


def test_a_long_sheet_still_fits_on_one_page(guide, monkeypatch):
    long_entry = call_sheet.Entry(
        title="En tjeneste med et ganske langt navn som må brytes over flere linjer",
        url="/",
        phones=[("00 00 00 01", "tel:+4700000001"), ("00 00 00 02", "tel:+470002")],
        hours="man–fre 08.00–15.30; tir 16.00–19.00 etter avtale med kontoret",
        round_the_clock=False,
        verified=dt.date(2026, 1, 1),
        is_example_data=True,
    )
    sheet = call_sheet.CallSheet(
        municipality="Bergen",
        situations=[
            call_sheet.Situation(f"Situasjon {n}", "/", [long_entry] * 4)
            for n in range(9)
        ],
        printed=dt.date(2026, 11, 27),
    )

    objects, texts = read_pdf(call_sheet.render_pdf(sheet, "http://localhost/"))

    assert len([b for b in objects.values() if b"/Type /Page " in b]) == 1
    assert min(y for _x, y, _t in texts) >= call_sheet.MARGIN
    assert "Situasjon 8" in [t for _x, _y, t in texts]


def test_an_unknown_municipality_is_a_404_with_a_message(client, guide):
    for address in ("/nb/ringeliste/Oslo/", "/nb/ringeliste/Oslo.pdf"):
        response = client.get(address)

        assert response.status_code == 404
        html = response.content.decode()
        assert "Vi har ingen ringeliste for «Oslo»" in html
        assert 'href="/nb/ringeliste/Bergen/"' in html


def test_the_printable_page_has_tap_to_call_links_and_the_pdf_link(client, guide):
    response = client.get("/nb/ringeliste/askoy/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Ringeliste for Askøy" in html
    assert 'href="tel:+4700' in html
    assert 'href="/nb/ringeliste/Ask%C3%B8y.pdf"' in html
    assert "badge-example" in html
    assert 'class="quick-exit' in html  # the safety controls stay on screen
    assert not response.cookies


def test_the_guide_links_to_the_sheet_once_a_municipality_is_picked(client, guide):
    guide.related_categories = (
        guide.get_children().first().specific.related_categories.all()
    )
    guide.save_revision().publish()

    picked = client.get("/nb/hvem-ringer-jeg/", {"kommune": "Askøy"}).content.decode()
    unpicked = client.get("/nb/hvem-ringer-jeg/").content.decode()

    assert 'href="/nb/ringeliste/Ask%C3%B8y.pdf"' in picked
    assert "/ringeliste/" not in unpicked
