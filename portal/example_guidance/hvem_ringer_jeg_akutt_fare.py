"""Professional guide, situation: someone is in immediate danger."""

PAGE = {
    "slug": "ved-akutt-fare",
    "title": "Noen er i akutt fare",
    "summary": (
        "Når noen blir utsatt for vold eller trusler nå, eller ikke er trygge "
        "hjemme i dag. Ring 112 først."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "akutt", "avvergingsplikt"],
    "related_categories": [
        "emergency-numbers",
        "police",
        "child-welfare-emergency",
        "out-of-hours-doctor",
    ],
    "parent": "hvem-ringer-jeg",
    "situation": "immediate-danger",
    "services_categories": [
        "emergency-numbers",
        "police",
        "child-welfare-emergency",
        "out-of-hours-doctor",
        "crisis-shelter",
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
                    "<p>Ring <b>112</b>. Si hvor du er, hva som skjer, om noen er "
                    "skadet, om det finnes våpen og om det er barn der.</p>",
                    "<p>Pass på din egen sikkerhet. Ikke gå fysisk imellom.</p>",
                    "<p>Hold den som er utsatt, hos deg på et trygt sted hvis du "
                    "kan. Ikke send et barn hjem dit faren er.</p>",
                    "<p>Ved alvorlig skade: ring <b>113</b>. Ved mindre skader: "
                    "legevakten, slik at skadene blir dokumentert.</p>",
                    "<p>Gjelder det barn, kontakt barnevernvakten eller barnevernet "
                    "samme dag, også når politiet er varslet.</p>",
                    "<p>Skriv ned hva du så og hørte, med tidspunkt. Gi beskjed til "
                    "lederen din.</p>",
                ],
            },
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p><b>Avvergingsplikten</b>: Når det er sikkert eller mest "
                "sannsynlig at alvorlig vold skjer eller vil skje, skal du prøve å "
                "stoppe det. Å ringe 112 er den vanligste måten. Plikten går foran "
                "taushetsplikten. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2005-05-20-28">'
                "straffeloven</a>.</p>"
                "<p><b>Opplysningsplikten</b>: Er barn utsatt, eller lever de med "
                "vold hjemme, skal du også si fra til barnevernet. Ikke gå ut fra "
                "at politiet eller andre har gjort det. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                "barnevernsloven</a>.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette skal du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke konfronter den som utøver vold, og ikke fortell hva du "
                    "har varslet om.</li>"
                    "<li>Ikke lov noen at du skal holde det hemmelig.</li>"
                    "<li>Ikke avhør barnet eller den voksne om detaljer. Det gjør "
                    "politiet.</li>"
                    "<li>Ikke vent til du er helt sikker når noen er i fare.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Nødnummer</b>: 112 til politiet, 113 til ambulanse.</li>"
                "<li><b>Politi og beskyttelse</b>: når det akutte er over, for "
                "anmeldelse, besøksforbud og voldsalarm.</li>"
                "<li><b>Barnevernvakt</b>: når barn er involvert og barnevernet har "
                "stengt.</li>"
                "<li><b>Legevakt</b>: 116 117, for skader som må undersøkes og "
                "dokumenteres.</li>"
                "<li><b>Krisesenter</b>: et trygt sted å bo for den utsatte og "
                "barna.</li>"
                "</ol>"
            ),
        },
    ],
}
