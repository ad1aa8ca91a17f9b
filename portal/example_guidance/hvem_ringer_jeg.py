"""Guidance page for professionals: "Who do I call?", parent of one page per case."""

PAGE = {
    "slug": "hvem-ringer-jeg",
    "title": "Hvem ringer jeg? Veileder for fagfolk",
    "summary": (
        "Kort veileder for deg som jobber med barn, familier eller pasienter og er "
        "bekymret for vold. Velg situasjonen som passer, og få stegene i riktig "
        "rekkefølge."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "opplysningsplikt", "avvergingsplikt", "samarbeid"],
    "related_categories": [
        "emergency-numbers",
        "police",
        "child-protection",
        "child-welfare-emergency",
        "professional-advice",
    ],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "steps",
            "value": {
                "heading": "Først: tre spørsmål",
                "steps": [
                    "<p><b>Er noen i fare nå?</b> Ring <b>112</b>. Ved alvorlig "
                    "skade, ring <b>113</b>.</p>",
                    "<p><b>Gjelder det et barn?</b> Kontakt barnevernet samme dag. "
                    "Når barnevernet har stengt, kontakter du barnevernvakten.</p>",
                    "<p><b>Er du usikker?</b> Drøft saken uten navn med "
                    "barnevernet, eller få råd fra en tjeneste for fagfolk. Skriv "
                    "ned hva du har sett og hørt.</p>",
                ],
            },
        },
        {"type": "heading", "value": "Velg situasjon"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li>Noen er i akutt fare</li>"
                "<li>Et barn forteller om vold eller overgrep</li>"
                "<li>Du er bekymret for at et barn blir utsatt for vold</li>"
                "<li>En voksen forteller om vold</li>"
                "<li>Tvangsekteskap og æresrelatert vold</li>"
                "<li>Vold mot en eldre person</li>"
                "<li>Den som utøver vold, ber om hjelp</li>"
                "</ul>"
            ),
        },
        {"type": "heading", "value": "Hvilke plikter har jeg?"},
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er opplysningsplikten til barnevernet?",
                "answer": (
                    "<p>Hvis du jobber i en offentlig tjeneste eller i et yrke som "
                    "har plikten, skal du si fra til barnevernet uten å vente når "
                    "det er <b>grunn til å tro</b> at et barn blir mishandlet, "
                    "utsatt for alvorlig omsorgssvikt eller andre alvorlige forhold. "
                    "Barn som lever med vold mellom de voksne, kan også omfattes.</p>"
                    "<ul>"
                    "<li>Plikten gjelder selv om du har taushetsplikt.</li>"
                    "<li>Du trenger ikke bevis. Det er barnevernet som "
                    "undersøker.</li>"
                    "<li>Plikten er personlig. Du kan melde sammen med lederen din, "
                    "men du kan ikke overlate ansvaret til andre.</li>"
                    "</ul>"
                    "<p>Les lovteksten i "
                    '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                    "barnevernsloven</a>. Yrket ditt kan også ha egne regler, for "
                    "eksempel "
                    '<a href="https://lovdata.no/dokument/NL/lov/1999-07-02-64">'
                    "helsepersonelloven</a>.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er avvergingsplikten?",
                "answer": (
                    "<p>Alle, ikke bare fagfolk, har plikt til å prøve å avverge "
                    "visse alvorlige lovbrudd. Plikten gjelder når det er sikkert "
                    "eller mest sannsynlig at lovbruddet vil skje eller fortsetter. "
                    "Den gjelder blant annet mishandling i nære relasjoner, "
                    "voldtekt, grov kroppsskade og drap.</p>"
                    "<ul>"
                    "<li>Du oppfyller plikten ved å varsle politiet, eller på en "
                    "annen måte som faktisk kan stoppe lovbruddet.</li>"
                    "<li>Plikten går foran taushetsplikten.</li>"
                    "</ul>"
                    "<p>Les lovteksten i "
                    '<a href="https://lovdata.no/dokument/NL/lov/2005-05-20-28">'
                    "straffeloven</a>. Sjekk der hvilke lovbrudd plikten gjelder.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette skal du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke konfronter den du mistenker, før barnevernet eller "
                    "politiet er involvert.</li>"
                    "<li>Ikke lov et barn at du skal holde det hemmelig.</li>"
                    "<li>Ikke avhør barnet. Still åpne spørsmål, og la barnevernet "
                    "og politiet ta resten.</li>"
                    "<li>Ikke bruk familie, venner eller barn som tolk.</li>"
                    "<li>Ikke vent på bevis før du sier fra.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe deg?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Nødnummer</b>: 112 ved fare, 113 ved alvorlig skade.</li>"
                "<li><b>Barnevern</b> og <b>Barnevernvakt</b>: når det gjelder "
                "barn.</li>"
                "<li><b>Råd til fagfolk</b>: drøfting og veiledning når du er "
                "usikker.</li>"
                "</ul>"
            ),
        },
    ],
}
