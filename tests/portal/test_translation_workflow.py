"""Editors translate through wagtail-localize: sync from Norwegian, translate (also
via PO files for outside translators), publish; stale translations are flagged."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from portal.models import GuidancePage
from portal.translations import outdated_translations

pytestmark = pytest.mark.django_db

ENGLISH = {
    "Hva er vold?": "What is violence?",
    "Vold er aldri din skyld.": "Violence is never your fault.",
    "Du kan få hjelp.": "You can get help.",
    "hva-er-vold": "what-is-violence",
}


@pytest.fixture
def norwegian_page(home_page):
    page = GuidancePage(
        title="Hva er vold?",
        slug="hva-er-vold",
        summary="Vold er aldri din skyld.",
        body=[{"type": "paragraph", "value": "<p>Du kan få hjelp.</p>"}],
        locale=home_page.locale,
    )
    home_page.add_child(instance=page)
    page.save_revision().publish()
    return page


def publish_now(translation, capture):
    # wagtail-localize publishes on transaction commit; tests run in a transaction.
    with capture(execute=True):
        translation.save_target(publish=True)


def translate_to_english(page, capture):
    english = Locale.objects.get(language_code="en")
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=english)
    po = translation.export_po()  # what an outside translator receives
    for entry in po:
        entry.msgstr = ENGLISH.get(entry.msgid, "")
    translation.import_po(po)
    publish_now(translation, capture)
    return translation


def test_translation_via_po_file_is_published_at_its_url(
    client, norwegian_page, django_capture_on_commit_callbacks
):
    translate_to_english(norwegian_page, django_capture_on_commit_callbacks)

    english = norwegian_page.get_translation(Locale.objects.get(language_code="en"))
    response = client.get(english.url)

    html = response.content.decode()
    assert english.live and english.url == "/en/what-is-violence/"
    assert response.status_code == 200
    assert "What is violence?" in html and "You can get help." in html
    assert "notice-translated" in html


def test_translation_is_flagged_when_the_norwegian_source_changes(
    norwegian_page, django_capture_on_commit_callbacks
):
    translate_to_english(norwegian_page, django_capture_on_commit_callbacks)
    assert outdated_translations() == []

    norwegian_page.summary = "Vold er aldri din skyld. Ny setning."
    norwegian_page.save_revision().publish()

    (row,) = outdated_translations()
    assert row.reason == "source changed"
    assert row.translation.target_locale.language_code == "en"


def test_out_of_date_report_lists_it_for_editors(
    admin_client, norwegian_page, django_capture_on_commit_callbacks
):
    translate_to_english(norwegian_page, django_capture_on_commit_callbacks)
    norwegian_page.summary = "Endret."
    norwegian_page.save_revision().publish()

    html = admin_client.get("/admin/reports/outdated-translations/").content.decode()

    assert "Hva er vold?" in html


def test_syncing_from_norwegian_brings_the_translation_up_to_date(
    norwegian_page, django_capture_on_commit_callbacks
):
    translation = translate_to_english(
        norwegian_page, django_capture_on_commit_callbacks
    )
    norwegian_page.summary = "Vold er aldri din skyld."
    norwegian_page.save_revision().publish()

    translation.source.update_from_db()
    publish_now(translation, django_capture_on_commit_callbacks)

    assert outdated_translations() == []
