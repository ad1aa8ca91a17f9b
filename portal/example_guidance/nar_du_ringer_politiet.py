"""Guidance page: what happens when you contact the police."""

PAGE = {
    "slug": "nar-du-ringer-politiet",
    "title": "Hva skjer hvis jeg ringer politiet?",
    "summary": (
        "Her kan du lese hva som skjer når du ringer 112 eller kontakter politiet "
        "på andre måter, og hva politiet kan gjøre for å beskytte deg."
    ),
    "audiences": ["families"],
    "topics": ["politi", "anmeldelse", "besoksforbud", "voldsalarm"],
    "related_categories": ["police", "crisis-shelter", "legal-aid"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 med en gang hvis",
                "situations": [
                    "Noen blir slått, truet eller holdt fast nå.",
                    "Du er redd for ditt eget liv eller barnas liv.",
                    "Den som utøver vold, er på vei eller står utenfor.",
                    "Noen bryter et besøksforbud.",
                ],
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva hvis det ikke haster?",
                "answer": (
                    "<p>Politiet har også et vanlig telefonnummer som ikke er "
                    "nødnummer. Du finner det på politiets nettside. Ring det hvis "
                    "du vil ha råd, anmelde noe som har skjedd tidligere, eller "
                    "snakke om beskyttelse.</p>"
                    "<p>Alle politidistrikt har en familievoldskoordinator. Du kan "
                    "be om å få snakke med henne eller ham.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva spør de om når jeg ringer 112?",
                "answer": (
                    "<ul>"
                    "<li>Hvor du er. Si adressen først, hvis du kan.</li>"
                    "<li>Hva som skjer, og om noen er skadet.</li>"
                    "<li>Om den som utøver vold, har våpen.</li>"
                    "<li>Om det er barn der.</li>"
                    "</ul>"
                    "<p>Bli i telefonen hvis du kan, til de sier at du kan legge på."
                    "</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva skjer når politiet kommer?",
                "answer": (
                    "<p>Politiet skal stoppe volden og gjøre situasjonen trygg. De "
                    "snakker ofte med hver person alene. De kan ta med seg den som "
                    "har utøvd vold.</p>"
                    "<p>Hvis du er skadet, kan de be deg gå til legevakten. Der "
                    "kan skadene bli undersøkt og skrevet ned. Det kan bli viktig "
                    "senere.</p>"
                    "<p>Hvis det bor barn i hjemmet, kontakter politiet ofte "
                    "barnevernet eller barnevernvakten. Det er for å passe på "
                    "barna.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Må jeg anmelde?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Nei, du bestemmer selv om du vil anmelde. Det er gratis å "
                "anmelde. Du kan gjøre det med en gang eller senere.</p>"
                "<p>Men vold i nære relasjoner regnes som alvorlig. Derfor kan "
                "politiet etterforske saken selv om du ikke anmelder, eller hvis "
                "du senere ønsker å stoppe saken.</p>"
                "<p>I mange saker om vold i nære relasjoner har du rett til en "
                "advokat som staten betaler, en bistandsadvokat. Spør politiet om "
                "dette.</p>"
            ),
        },
        {"type": "heading", "value": "Hvordan kan politiet beskytte meg?"},
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er et besøksforbud?",
                "answer": (
                    "<p>Et besøksforbud betyr at den som utøver vold, ikke får "
                    "oppsøke deg, følge etter deg eller kontakte deg, for eksempel "
                    "på telefon eller melding. Du ber politiet om det.</p>"
                    "<p>I noen saker kan den som utøver vold, få forbud mot å være "
                    "i hjemmet, selv om dere bor sammen.</p>"
                    "<p>Bryter den andre forbudet, er det straffbart. Ring 112.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er en voldsalarm?",
                "answer": (
                    "<p>En voldsalarm er en liten alarm du bærer med deg. Når du "
                    "trykker på den, får politiet beskjed og kan se hvor du er. "
                    "Politiet vurderer om du skal få en.</p>"
                    "<p>I noen saker kan retten bestemme at den som utøver vold, "
                    "skal bære en fotlenke. Det kalles omvendt voldsalarm.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "heading": "Du trenger ikke være alene",
                "text": (
                    "<p>Krisesenteret kan støtte deg før og etter at du snakker "
                    "med politiet. Spør politiet om du kan ha med en du stoler på. "
                    "Si fra hvis du trenger tolk. Ikke bruk barna som tolk.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Politi og beskyttelse</b>: anmeldelse, besøksforbud og "
                "voldsalarm.</li>"
                "<li><b>Krisesenter</b>: støtte før og etter du snakker med "
                "politiet.</li>"
                "<li><b>Juridisk hjelp</b>: råd om rettighetene dine og om "
                "bistandsadvokat.</li>"
                "</ul>"
            ),
        },
    ],
}
