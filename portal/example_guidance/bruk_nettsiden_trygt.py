"""Guidance page: how to browse this site more safely."""

PAGE = {
    "slug": "bruk-nettsiden-trygt",
    "title": "Bruk nettsiden trygt",
    "summary": (
        "Telefonen og PC-en din kan vise hvor du har vært på nettet. Her får du "
        "råd om hvordan du kan lese om vold og hjelp uten å etterlate spor."
    ),
    "audiences": ["families", "children-youth"],
    "topics": ["digital-sikkerhet", "rask-utgang", "historikk"],
    "related_categories": ["helpline", "crisis-shelter", "online-abuse"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Hvis noen sjekker telefonen eller PC-en din, kan de se hvilke "
                "sider du har lest. Det kan være farlig hvis den som skader deg, "
                "følger med på deg.</p>"
                "<p>Du vet best hva som er trygt for deg. Velg de rådene som passer "
                "deg.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "«Forlat siden raskt» sletter ikke historikken",
                "text": (
                    "<p>Knappen <b>«Forlat siden raskt»</b> finner du på alle "
                    "sidene våre. Du kan også trykke <b>Shift-tasten tre ganger "
                    "raskt</b>. Da bytter vi ut siden med en nøytral side, for "
                    "eksempel en værmelding.</p>"
                    "<p>Siden forsvinner fra skjermen, men den blir <b>ikke</b> "
                    "slettet fra historikken i nettleseren. Les nedenfor hvordan "
                    "du sletter den.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvordan leser jeg uten å lagre historikk?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Bruk et <b>privat vindu</b>. Det kan også hete «inkognito» "
                "eller «InPrivate». Når du lukker vinduet, husker ikke nettleseren "
                "hvilke sider du har besøkt.</p>"
                "<ul>"
                "<li>På mobilen: Åpne nettleseren og se etter «Privat» eller "
                "«Ny inkognitofane» i menyen.</li>"
                "<li>På PC: Trykk Ctrl + Shift + N (Chrome og Edge) eller "
                "Ctrl + Shift + P (Firefox). På Mac: Cmd + Shift + N.</li>"
                "</ul>"
                "<p>Husk å lukke det private vinduet når du er ferdig.</p>"
            ),
        },
        {"type": "heading", "value": "Hvordan sletter jeg historikken?"},
        {
            "type": "steps",
            "value": {
                "heading": "Slik sletter du sporene etterpå",
                "steps": [
                    "<p>Åpne innstillingene i nettleseren og finn «Historikk» "
                    "eller «Logg».</p>",
                    "<p>Slett bare de sidene du vil skjule. Hvis all historikk "
                    "plutselig er borte, kan det vekke mistanke.</p>",
                    "<p>På PC kan du ofte trykke Ctrl + Shift + Delete for å "
                    "komme rett til sletting.</p>",
                    "<p>Sjekk også søkeloggen hvis du er logget inn på en konto "
                    "hos for eksempel Google eller Microsoft. Der kan søkene dine "
                    "bli lagret selv om du sletter historikken i nettleseren.</p>",
                ],
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva hvis vi deler telefon, PC eller konto?",
                "answer": (
                    "<p>Hvis dere bruker samme konto, kan historikken bli synkronisert "
                    "til alle enhetene. Da kan den andre se hva du har søkt på, selv "
                    "om du brukte din egen telefon.</p>"
                    "<ul>"
                    "<li>Bruk heller en PC på biblioteket, på jobben eller hos en "
                    "du stoler på.</li>"
                    "<li>Sjekk hvilke enheter som er logget inn på e-posten og "
                    "kontoene dine.</li>"
                    "<li>Tenk over om den andre kjenner passordene dine.</li>"
                    "</ul>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Kan noen se hvor jeg er?",
                "answer": (
                    "<p>Mange telefoner og apper deler posisjonen din. Det gjelder "
                    "for eksempel kart-apper, familiedeling og funksjoner for å "
                    "finne en telefon som er borte.</p>"
                    "<p>Sjekk innstillingene for posisjon og deling på telefonen. "
                    "Noen kan også ha lagt inn en app eller gjemt en sporingsbrikke "
                    "i bilen eller veska di.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Tenk deg om før du endrer noe",
                "text": (
                    "<p>Hvis du slår av deling, bytter passord eller sletter alt, "
                    "kan den andre merke det. Det kan gjøre situasjonen farligere. "
                    "Snakk gjerne med et krisesenter først. De kan hjelpe deg å "
                    "lage en plan.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Kan det synes at jeg har ringt eller sendt meldinger?",
                "answer": (
                    "<p>Ja. Samtaler og meldinger kan vises i loggen på telefonen, "
                    "og noen ganger på telefonregningen. Slett samtalen fra loggen "
                    "hvis det er trygt. Eller ring fra en annen telefon.</p>"
                    "<p>Er du i fare nå? Ring <b>112</b> uansett.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Lagrer denne nettsiden noe om meg?",
                "answer": (
                    "<p>Vi gir ikke informasjonskapsler (cookies) til deg som leser "
                    "sidene. Men nettleseren din kan likevel huske hvilke sider du "
                    "har besøkt. Derfor er rådene over viktige.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe deg videre?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Krisesenter</b>: råd om sikkerhet, også på telefon. "
                "Du trenger ingen henvisning.</li>"
                "<li><b>Hjelpetelefon og chat</b>: snakk med noen, ofte "
                "anonymt.</li>"
                "<li><b>Nettovergrep og deling av bilder</b>: hvis noen truer "
                "deg eller sporer deg på nett.</li>"
                "</ul>"
            ),
        },
    ],
}
