"""Guidance page: how to help a friend or family member who experiences violence."""

PAGE = {
    "slug": "hjelpe-en-venn",
    "title": "Slik hjelper du en venn eller noen i familien",
    "summary": (
        "Er du bekymret for at noen du kjenner blir utsatt for vold? Her får du "
        "råd om hvordan du kan spørre, lytte og hjelpe uten å gjøre det farligere."
    ),
    "audiences": ["families"],
    "topics": ["parorende", "stotte", "bekymring"],
    "related_categories": ["crisis-shelter", "helpline", "child-protection"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Mange som blir utsatt for vold, forteller det først til en "
                "venn eller noen i familien. Det betyr mye at du bryr deg.</p>"
                "<p>Du trenger ikke å løse alt. Det viktigste er at du lytter, tror "
                "på det du hører, og viser vei til hjelp.</p>"
            ),
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvordan merker jeg at noe er galt?",
                "answer": (
                    "<p>Det kan være vanskelig å se. Noen tegn kan være at personen:"
                    "</p>"
                    "<ul>"
                    "<li>virker redd for partneren sin eller for å komme for sent "
                    "hjem</li>"
                    "<li>ser deg sjeldnere, eller aldri alene</li>"
                    "<li>ikke får bestemme over egne penger, telefon eller klær</li>"
                    "<li>har skader hun eller han forklarer bort</li>"
                    "<li>blir stille, trist eller nervøs</li>"
                    "</ul>"
                    "<p>Vold er ikke bare slag. Les mer på siden <i>Hva er "
                    "vold?</i></p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvordan kan jeg spørre?",
                "answer": (
                    "<p>Snakk med personen alene, på et sted der ingen kan høre "
                    "dere. Spør enkelt og rolig, for eksempel:</p>"
                    "<ul>"
                    "<li>«Jeg har lagt merke til at du virker redd. Hvordan har du "
                    "det hjemme?»</li>"
                    "<li>«Er det noen som skader deg eller skremmer deg?»</li>"
                    "</ul>"
                    "<p>Kanskje hun eller han ikke vil svare nå. Si at du er der "
                    "hvis hun eller han vil snakke senere.</p>"
                ),
            },
        },
        {
            "type": "steps",
            "value": {
                "heading": "Når noen forteller deg om vold",
                "steps": [
                    "<p>Lytt. Ikke avbryt, og ikke gi råd med en gang.</p>",
                    "<p>Si at du tror på det du hører, og at <b>det ikke er "
                    "hennes eller hans skyld</b>.</p>",
                    "<p>Spør hva hun eller han trenger, og hva som er trygt.</p>",
                    "<p>Fortell om hjelp som finnes, for eksempel krisesenteret. "
                    "Tilby å være med hvis hun eller han vil.</p>",
                    "<p>Avtal hvordan du kan ta kontakt på en trygg måte, for "
                    "eksempel et kodeord.</p>",
                    "<p>Hold kontakten over tid, også hvis hun eller han ikke går "
                    "fra forholdet.</p>",
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette bør du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke konfronter den som utøver vold. Det kan gjøre det "
                    "farligere.</li>"
                    "<li>Ikke send meldinger om volden til en telefon som andre "
                    "kan lese.</li>"
                    "<li>Ikke press personen til å gå. Den som blir utsatt, kjenner "
                    "faren best.</li>"
                    "</ul>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva gjør jeg hvis det bor barn der?",
                "answer": (
                    "<p>Barn tar skade av å leve med vold, også når de ikke selv "
                    "blir slått. Hvis du er bekymret for barna, kan du si fra til "
                    "barnevernet i kommunen. Etter at barnevernet har stengt, kan "
                    "du kontakte barnevernvakten.</p>"
                    "<p>Du kan også ringe barnevernet og spørre om råd uten å si "
                    "hvem det gjelder.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvem kan jeg snakke med selv?",
                "answer": (
                    "<p>Det kan være tungt å stå nær noen som blir utsatt for vold. "
                    "Du kan også ringe krisesenteret og få råd som venn eller "
                    "familie. Trenger du noen å snakke med om hvordan du selv har "
                    "det, kan du ringe Mental Helse på <b>116 123</b>.</p>"
                ),
            },
        },
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 hvis",
                "situations": [
                    "Du ser eller hører at noen blir utsatt for vold nå.",
                    "Noen er truet på livet eller holdes innesperret.",
                    "Et barn er i fare.",
                ],
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Krisesenter</b>: råd til deg som er bekymret, og hjelp til "
                "den som blir utsatt.</li>"
                "<li><b>Hjelpetelefon og chat</b>: snakk med noen, ofte "
                "anonymt.</li>"
                "<li><b>Barnevern</b>: hvis du er bekymret for barn.</li>"
                "</ul>"
            ),
        },
    ],
}
