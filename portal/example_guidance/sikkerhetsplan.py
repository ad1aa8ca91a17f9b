"""Guidance page: making a safety plan for yourself and your children."""

PAGE = {
    "slug": "sikkerhetsplan",
    "title": "Lag en sikkerhetsplan",
    "summary": (
        "En sikkerhetsplan er en plan for hva du og barna gjør hvis det blir "
        "farlig. Her er råd om hva den kan inneholde, og hvordan du holder den "
        "skjult."
    ),
    "audiences": ["families"],
    "topics": ["sikkerhet", "planlegging", "barn", "brudd"],
    "related_categories": ["crisis-shelter", "police", "helpline"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Du kan ikke stoppe volden selv. Det er den som utøver vold, som "
                "har ansvaret. Men en plan kan gjøre det litt tryggere for deg og "
                "barna, både nå og hvis du vil gå.</p>"
                "<p>Krisesenteret kan lage planen sammen med deg. Det er gratis, og "
                "du trenger ingen henvisning.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Pass på at planen ikke blir funnet",
                "text": (
                    "<p>Hvis den som utøver vold finner planen, kan det bli "
                    "farligere. Ha planen i hodet, eller gi den til noen du stoler "
                    "på. Ikke skriv den på en telefon eller PC som andre kan se. "
                    "Les også <i>Bruk nettsiden trygt</i>.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hva gjør jeg hvis det blir farlig hjemme?"},
        {
            "type": "steps",
            "value": {
                "heading": "Når du merker at det bygger seg opp",
                "steps": [
                    "<p>Ring <b>112</b> hvis du er i fare.</p>",
                    "<p>Gå til et rom med en dør ut, hvis du kan. Unngå kjøkkenet "
                    "og badet, der det er kniver og harde flater.</p>",
                    "<p>Vit hvor du kan gå: en nabo, en venn eller et krisesenter.</p>",
                    "<p>Ha telefonen ladet og nøklene et sted du raskt får tak i "
                    "dem.</p>",
                ],
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er et kodeord?",
                "answer": (
                    "<p>Et kodeord er et vanlig ord som du avtaler med en venn, en "
                    "nabo eller noen i familien. Når du sier eller skriver ordet, "
                    "vet de at du trenger hjelp, og at de skal ringe 112.</p>"
                    "<p>Velg et ord som ikke vekker mistanke, og avtal nøyaktig hva "
                    "de skal gjøre.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvilke telefonnumre bør jeg kunne?",
                "answer": (
                    "<ul>"
                    "<li><b>112</b> til politiet</li>"
                    "<li><b>113</b> til ambulanse</li>"
                    "<li>Nummeret til en person du stoler på</li>"
                    "<li>Nummeret til krisesenteret der du bor</li>"
                    "</ul>"
                    "<p>Lær dem utenat hvis du kan. Telefonen kan bli tatt fra "
                    "deg.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva bør jeg pakke hvis jeg må dra fort?",
                "answer": (
                    "<p>Legg gjerne en veske hos noen du stoler på. Den kan "
                    "inneholde:</p>"
                    "<ul>"
                    "<li>ekstra nøkler, litt penger og bankkort</li>"
                    "<li>telefonlader og medisiner</li>"
                    "<li>klær og en kosebamse eller leke til barna</li>"
                    "<li>kopi av pass, ID-kort og oppholdstillatelse</li>"
                    "<li>kopi av viktige papirer om bank, bolig og barna</li>"
                    "</ul>"
                    "<p>Ta også vare på bevis, som bilder av skader, truende "
                    "meldinger og papirer fra lege. Oppbevar dem et sted den andre "
                    "ikke har tilgang til.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvordan lager jeg en plan for barna?"},
        {
            "type": "steps",
            "value": {
                "heading": "Snakk med barna på en måte som passer alderen",
                "steps": [
                    "<p>Si at volden aldri er deres skyld, og at det ikke er "
                    "deres jobb å stoppe den.</p>",
                    "<p>Lær dem å ringe <b>112</b> og si adressen sin.</p>",
                    "<p>Avtal et trygt sted de kan gå, for eksempel til en nabo.</p>",
                    "<p>Fortell større barn om <b>116 111</b>, Alarmtelefonen for "
                    "barn og unge.</p>",
                    "<p>Snakk med barnehagen eller skolen om hvem som kan hente "
                    "barna. Krisesenteret kan hjelpe deg med dette.</p>",
                ],
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva gjør jeg etter at jeg har flyttet?",
                "answer": (
                    "<p>Faren kan være stor i tiden etter et brudd. Du kan spørre "
                    "politiet om beskyttelse, for eksempel besøksforbud, voldsalarm "
                    "eller å skjule adressen din. Tenk også over faste vaner, som "
                    "når og hvor du handler, trener eller henter barna.</p>"
                ),
            },
        },
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 hvis",
                "situations": [
                    "Du eller barna blir utsatt for vold eller trusler nå.",
                    "Den som utøver vold, kommer etter deg eller står utenfor.",
                    "Noen bryter et besøksforbud.",
                ],
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Krisesenter</b>: hjelp til å lage planen, og et trygt sted "
                "å bo.</li>"
                "<li><b>Politi og beskyttelse</b>: besøksforbud, voldsalarm og "
                "anmeldelse.</li>"
                "<li><b>Hjelpetelefon og chat</b>: snakk med noen, ofte "
                "anonymt.</li>"
                "</ul>"
            ),
        },
    ],
}
