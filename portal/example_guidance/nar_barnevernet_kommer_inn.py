"""Guidance page: what happens when child welfare services get involved."""

PAGE = {
    "slug": "nar-barnevernet-kommer-inn",
    "title": "Hva skjer når barnevernet kommer inn?",
    "summary": (
        "Mange blir redde når barnevernet tar kontakt. Her kan du lese hva "
        "barnevernet gjør, hva de spør om, og hvilke rettigheter du har."
    ),
    "audiences": ["families"],
    "topics": ["barnevern", "bekymringsmelding", "rettigheter", "barn"],
    "related_categories": [
        "child-protection",
        "child-welfare-emergency",
        "crisis-shelter",
        "legal-aid",
    ],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Barnevernet skal passe på at barn får den hjelpen og omsorgen "
                "de trenger. Barn som lever med vold, trenger ofte hjelp, også når "
                "de ikke selv blir slått.</p>"
                "<p>De fleste barn som får hjelp fra barnevernet, bor hjemme. Det "
                "vanligste er hjelp til familien der dere bor, for eksempel "
                "samtaler, råd til foreldrene eller et tilbud til barna.</p>"
            ),
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvorfor har noen meldt fra til barnevernet?",
                "answer": (
                    "<p>Voksne som jobber med barn, har plikt til å si fra til "
                    "barnevernet når de er bekymret. Det gjelder for eksempel "
                    "skole, barnehage, helsestasjon, lege og politi.</p>"
                    "<p>En melding er ikke en straff. Den skal sørge for at barna "
                    "er trygge, og at familien får hjelp. Du kan også ta kontakt "
                    "med barnevernet selv og be om hjelp.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hva skjer etter en melding?"},
        {
            "type": "steps",
            "value": {
                "heading": "Slik foregår det vanligvis",
                "steps": [
                    "<p>Barnevernet leser meldingen og vurderer raskt om de må "
                    "finne ut mer.</p>",
                    "<p>Hvis de må finne ut mer, starter de en undersøkelse. De "
                    "snakker med deg og med barna. Ofte kommer de på hjemmebesøk."
                    "</p>",
                    "<p>De kan også snakke med for eksempel skolen eller legen. Du "
                    "skal få vite om det.</p>",
                    "<p>En undersøkelse tar vanligvis ikke mer enn tre måneder.</p>",
                    "<p>Til slutt avslutter barnevernet saken, eller de tilbyr "
                    "hjelp. Det meste av hjelpen er frivillig.</p>",
                ],
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva kommer de til å spørre om?",
                "answer": (
                    "<ul>"
                    "<li>Hvordan hverdagen er for barna og for deg.</li>"
                    "<li>Hva som har skjedd, og om det er vold eller trusler "
                    "hjemme.</li>"
                    "<li>Hvem som kan hjelpe dere, for eksempel familie eller "
                    "venner.</li>"
                    "<li>Hva du selv mener dere trenger.</li>"
                    "</ul>"
                    "<p>Barnevernet vil også snakke med barna alene. Barn har rett "
                    "til å si hva de mener.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Kan de ta barna fra meg?",
                "answer": (
                    "<p>Det er ikke det vanlige. Barnevernet skal først prøve å "
                    "hjelpe barna hjemme.</p>"
                    "<p>Hvis et barn ikke er trygt hjemme, kan barnevernet flytte "
                    "barnet for en periode. Hvis de vil flytte barnet uten at du er "
                    "enig, er det en nemnd som avgjør saken, ikke barnevernet "
                    "alene. Da har du rett til gratis advokat.</p>"
                    "<p>Når du beskytter barna mot vold, for eksempel ved å dra til "
                    "et krisesenter, er det noe barnevernet skal ta med i "
                    "vurderingen.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "heading": "Dine rettigheter",
                "text": (
                    "<ul>"
                    "<li>Du har rett til å få vite hva saken gjelder.</li>"
                    "<li>Du har som regel rett til å lese dokumentene i saken.</li>"
                    "<li>Du kan ha med en du stoler på i møtene.</li>"
                    "<li>Du kan be om tolk. Barna skal ikke være tolk.</li>"
                    "<li>Du kan klage på vedtak. Barnevernet skal fortelle deg "
                    "hvordan.</li>"
                    "</ul>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva om jeg selv er den som har utøvd vold?",
                "answer": (
                    "<p>Det er bra at du vil ta ansvar. Si det til barnevernet. Det "
                    "finnes hjelp til å slutte, og det kan gjøre barna tryggere. "
                    "Se tilbudene under «Hjelp til den som utøver vold».</p>"
                ),
            },
        },
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 hvis",
                "situations": [
                    "Et barn blir utsatt for vold eller trusler nå.",
                    "Du er redd for at noen skal skade deg eller barna nå.",
                ],
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Barnevern</b>: i kommunen der dere bor, på dagtid.</li>"
                "<li><b>Barnevernvakt</b>: kvelder, netter og helger.</li>"
                "<li><b>Krisesenter</b>: støtte til deg og barna, også i møte med "
                "barnevernet.</li>"
                "<li><b>Juridisk hjelp</b>: råd om rettighetene dine.</li>"
                "</ul>"
            ),
        },
    ],
}
