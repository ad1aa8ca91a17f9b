"""Professional guide, situation: you suspect violence against a child."""

PAGE = {
    "slug": "mistanke-om-vold-mot-barn",
    "title": "Du er bekymret for at et barn blir utsatt for vold",
    "summary": (
        "Når du ser tegn, hører noe eller har en magefølelse om at et barn har det "
        "vondt hjemme. Du trenger ikke bevis for å si fra."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "barn", "bekymring", "opplysningsplikt"],
    "related_categories": [
        "child-protection",
        "professional-advice",
        "child-welfare-emergency",
    ],
    "parent": "hvem-ringer-jeg",
    "situation": "suspect-child-abuse",
    "services_categories": [
        "child-protection",
        "professional-advice",
        "child-welfare-emergency",
        "police",
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
                    "<p>Er barnet i fare nå, eller redd for å gå hjem? Ring "
                    "<b>112</b> eller barnevernvakten med en gang.</p>",
                    "<p>Skriv ned det du har sett og hørt, med dato. Skriv fakta, "
                    "ikke tolkninger.</p>",
                    "<p>Er du usikker? Drøft saken uten navn med barnevernet, eller "
                    "med lederen din eller en tjeneste som gir råd til fagfolk.</p>",
                    "<p>Er det grunn til å tro at barnet blir utsatt for vold, send "
                    "en melding til barnevernet. Du trenger ikke bevis.</p>",
                    "<p>Spør barnevernet om du skal si noe til foreldrene, før du "
                    "gjør det.</p>",
                    "<p>Fortsett å se barnet, og vær en trygg voksen i hverdagen.</p>",
                ],
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Kan jeg snakke med barnet?",
                "answer": (
                    "<p>Ja. Du kan spørre åpent, for eksempel <i>«Hvordan har du det "
                    "hjemme?»</i> Lytt, og ikke still ledende spørsmål. Forteller "
                    "barnet om vold, følg veilederen <i>Et barn forteller om vold "
                    "eller overgrep</i>.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p><b>Opplysningsplikten</b>: Du skal si fra til barnevernet når "
                "det er <b>grunn til å tro</b> at et barn blir mishandlet eller "
                "utsatt for alvorlig omsorgssvikt. Det er barnevernet som skal "
                "undersøke, ikke du. Plikten gjelder selv om du har taushetsplikt, "
                "og den er personlig. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                "barnevernsloven</a>.</p>"
                "<p><b>Avvergingsplikten</b>: Er det sikkert eller mest sannsynlig "
                "at barnet blir utsatt for alvorlig vold eller overgrep, skal du "
                "også prøve å stoppe det, for eksempel ved å varsle politiet. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2005-05-20-28">'
                "straffeloven</a>.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette skal du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke konfronter foreldrene eller den du mistenker, før "
                    "barnevernet eller politiet er involvert.</li>"
                    "<li>Ikke avhør barnet for å finne bevis.</li>"
                    "<li>Ikke lov barnet å holde det hemmelig.</li>"
                    "<li>Ikke vent og se om det går over, når du er bekymret.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Barnevern</b>: for drøfting uten navn og for melding.</li>"
                "<li><b>Råd til fagfolk</b>: veiledning når du er usikker.</li>"
                "<li><b>Barnevernvakt</b>: når det haster og barnevernet har "
                "stengt.</li>"
                "<li><b>Politi og beskyttelse</b>: ved mistanke om alvorlig vold "
                "eller overgrep. Ring 112 ved fare.</li>"
                "</ol>"
            ),
        },
    ],
}
