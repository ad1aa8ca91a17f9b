"""Professional guide, situation: an adult patient, user or parent discloses."""

PAGE = {
    "slug": "nar-en-voksen-forteller",
    "title": "En voksen forteller om vold",
    "summary": (
        "Når en pasient, bruker eller forelder forteller at hun eller han blir "
        "utsatt for vold. Den voksne bestemmer mye selv, men tenk alltid på "
        "barna."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "voksne", "partnervold", "barn-som-parorende"],
    "related_categories": [
        "crisis-shelter",
        "police",
        "child-protection",
        "legal-aid",
    ],
    "parent": "hvem-ringer-jeg",
    "situation": "adult-discloses",
    "services_categories": [
        "crisis-shelter",
        "police",
        "child-protection",
        "legal-aid",
    ],
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "steps",
            "value": {
                "heading": "Gjør dette nå",
                "steps": [
                    "<p>Spør om det er trygt å dra hjem i dag. Er noen i fare, "
                    "ring <b>112</b>.</p>",
                    "<p>Snakk med personen alene, uten partner eller familie til "
                    "stede. Bruk kvalifisert tolk ved behov.</p>",
                    "<p>Lytt, tro på det du hører, og si at volden ikke er hennes "
                    "eller hans skyld.</p>",
                    "<p>Spør om det bor barn i hjemmet. Lever barn med vold, må "
                    "du si fra til barnevernet. Fortell det til den voksne, og "
                    "snakk om hvordan det kan gjøres trygt.</p>",
                    "<p>Dokumenter skader og det personen forteller, med egne ord "
                    "og dato.</p>",
                    "<p>Tilby hjelp til å kontakte krisesenter eller politi, og "
                    "avtal en trygg måte å holde kontakten på.</p>",
                ],
            },
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Den voksne bestemmer som regel selv om hun eller han vil "
                "anmelde eller flytte. Taushetsplikten gjelder. Men det finnes "
                "viktige unntak:</p>"
                "<ul>"
                "<li><b>Avvergingsplikten</b>: Er det sikkert eller mest "
                "sannsynlig at alvorlig vold, som mishandling i nære relasjoner, "
                "vil skje eller fortsetter, skal du prøve å stoppe det. Det kan "
                "bety å varsle politiet, også mot personens ønske. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2005-05-20-28">'
                "straffeloven</a>.</li>"
                "<li><b>Opplysningsplikten</b>: Bor det barn i hjemmet, kan "
                "plikten til å si fra til barnevernet gjelde. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                "barnevernsloven</a>.</li>"
                "</ul>"
                "<p>Er du helsepersonell, har du også egne regler i "
                '<a href="https://lovdata.no/dokument/NL/lov/1999-07-02-64">'
                "helsepersonelloven</a>.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette skal du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke konfronter den som utøver vold, og ikke ta kontakt "
                    "med vedkommende om det du har hørt.</li>"
                    "<li>Ikke bruk partner, familie eller barn som tolk.</li>"
                    "<li>Ikke tilby parsamtaler eller mekling som første hjelp når "
                    "det er vold.</li>"
                    "<li>Ikke lov full taushet. Si ærlig hva du må gjøre.</li>"
                    "<li>Ikke send brev eller meldinger som den som utøver vold, "
                    "kan lese.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Krisesenter</b>: råd, samtaler og et trygt sted å bo. "
                "Gratis og uten henvisning.</li>"
                "<li><b>Politi og beskyttelse</b>: anmeldelse, besøksforbud og "
                "voldsalarm. Ring 112 ved fare.</li>"
                "<li><b>Barnevern</b>: når det bor barn i hjemmet.</li>"
                "<li><b>Juridisk hjelp</b>: råd om rettigheter, bolig og "
                "oppholdstillatelse.</li>"
                "</ol>"
            ),
        },
    ],
}
