"""The portal's own example guidance, written for this project (Norwegian bokmål)."""

from django.conf import settings
from wagtail.models import Locale

from portal.models import GuidancePage, HomePage

EXAMPLE_GUIDANCE = [
    {
        "slug": "bruk-nettsiden-trygt",
        "title": "Bruk nettsiden trygt",
        "summary": (
            "Telefonen og nettleseren din kan vise hvor du har vært. Slik kan du "
            "bruke denne siden tryggere."
        ),
        "body": [
            {
                "type": "paragraph",
                "value": (
                    "<p>Hvis noen sjekker telefonen eller PC-en din, kan de se hvilke "
                    "sider du har besøkt. Denne siden lagrer ingen informasjonskapsler "
                    "(cookies) om deg, men nettleseren husker likevel historikken.</p>"
                ),
            },
            {
                "type": "steps",
                "value": {
                    "heading": "Slik skjuler du sporene",
                    "steps": [
                        "<p>Bruk et privat vindu (inkognito) når du leser om vold.</p>",
                        "<p>Slett historikken etterpå hvis det er trygt for deg.</p>",
                        "<p>Bruk en PC på biblioteket eller hos en du stoler på.</p>",
                    ],
                },
            },
            {
                "type": "callout",
                "value": {
                    "tone": "warning",
                    "heading": "Rask utgang tømmer ikke historikken",
                    "text": (
                        "<p>Knappen «Forlat siden raskt» bytter ut siden med en "
                        "værmelding. Den sletter ikke det nettleseren har husket.</p>"
                    ),
                },
            },
        ],
    },
]


def load_guidance():
    """Create the example guidance pages under the Norwegian home page, once."""
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.get(locale=locale)
    created = 0
    for item in EXAMPLE_GUIDANCE:
        if GuidancePage.objects.filter(locale=locale, slug=item["slug"]).exists():
            continue
        page = GuidancePage(
            title=item["title"],
            slug=item["slug"],
            summary=item["summary"],
            body=item["body"],
            locale=locale,
        )
        home.add_child(instance=page)
        page.save_revision().publish()
        created += 1
    return created
