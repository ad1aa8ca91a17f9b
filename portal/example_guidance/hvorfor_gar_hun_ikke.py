"""Guidance page: why leaving a violent relationship is hard."""

PAGE = {
    "slug": "hvorfor-gar-hun-ikke",
    "title": "«Hvorfor går hun ikke bare?»",
    "summary": (
        "Det er mange grunner til at det er vanskelig å gå fra noen som utøver "
        "vold. Her kan du lese om noen av dem, og om hvordan du kan støtte uten "
        "å legge skylden på den som blir utsatt."
    ),
    "audiences": ["families", "professionals"],
    "topics": ["a-ga", "brudd", "skam", "stotte"],
    "related_categories": ["crisis-shelter", "helpline", "legal-aid"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Mange lurer på hvorfor noen blir i et forhold med vold. "
                "Spørsmålet er vanlig, men det kan føles som en anklage for den "
                "som blir utsatt.</p>"
                "<p>Det er den som utøver vold, som har ansvaret for volden. Det "
                "gjelder uansett kjønn. Både kvinner og menn kan bli utsatt, og "
                "vold skjer også i skeive forhold.</p>"
            ),
        },
        {"type": "heading", "value": "Hvorfor er det så vanskelig å gå?"},
        {
            "type": "question_answer",
            "value": {
                "question": "Er det farlig å gå?",
                "answer": (
                    "<p>Det kan være det. Faren for alvorlig vold er ofte størst i "
                    "tiden rundt et brudd. Mange vet dette, eller kjenner det på "
                    "kroppen. Å bli kan føles tryggere enn å gå.</p>"
                    "<p>Derfor er det lurt å planlegge et brudd sammen med "
                    "krisesenteret eller politiet.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvilke andre grunner kan det være?",
                "answer": (
                    "<ul>"
                    "<li><b>Frykt</b>: for mer vold, for trusler mot barna, dyr "
                    "eller familie.</li>"
                    "<li><b>Økonomi</b>: den andre styrer pengene, eller du har "
                    "ikke råd til å bo alene.</li>"
                    "<li><b>Barna</b>: du vil at barna skal ha begge foreldrene, "
                    "eller er redd for hva som skjer med dem.</li>"
                    "<li><b>Skam</b>: du vil ikke at andre skal vite.</li>"
                    "<li><b>Kjærlighet og håp</b>: de gode periodene er ekte, og "
                    "du håper at den andre skal forandre seg.</li>"
                    "<li><b>Ensomhet</b>: den andre har skilt deg fra venner og "
                    "familie, og du har ingen å gå til.</li>"
                    "<li><b>Oppholdstillatelse</b>: du er redd for å miste retten "
                    "til å bo i Norge.</li>"
                    "<li><b>Press</b>: familien eller miljøet sier at du må "
                    "bli.</li>"
                    "</ul>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva hvis jeg er redd for å miste oppholdstillatelsen?",
                "answer": (
                    "<p>Hvis du bor i Norge fordi du er gift eller samboer med den "
                    "som utøver vold, kan du i mange tilfeller søke om å få bli i "
                    "Norge på eget grunnlag. Få råd før du bestemmer deg, for "
                    "eksempel fra et krisesenter eller gratis juridisk hjelp.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "heading": "Det tar ofte tid",
                "text": (
                    "<p>Mange prøver å gå flere ganger før de klarer det. Det "
                    "betyr ikke at de har gitt opp. Hvert forsøk kan gi mer "
                    "kunnskap, flere kontakter og mer styrke.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvordan kan jeg svare uten å legge skyld?"},
        {
            "type": "steps",
            "value": {
                "heading": "Dette kan du gjøre",
                "steps": [
                    "<p>Si at du tror på det hun eller han forteller.</p>",
                    "<p>Si tydelig: <b>«Det er ikke din skyld.»</b></p>",
                    "<p>Spør <i>«Hva trenger du?»</i> i stedet for <i>«Hvorfor "
                    "går du ikke?»</i></p>",
                    "<p>Respekter at den som blir utsatt, bestemmer selv. Hun "
                    "eller han kjenner faren best.</p>",
                    "<p>Hold kontakten, også når du er uenig. Ensomhet gjør det "
                    "vanskeligere å komme seg ut.</p>",
                    "<p>Fortell om hjelp som finnes, for eksempel krisesenteret. "
                    "Der kan man få råd uten å måtte flytte.</p>",
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Ikke konfronter den som utøver vold",
                "text": (
                    "<p>Det kan gjøre situasjonen farligere for den som blir "
                    "utsatt, og for barna. Snakk heller med krisesenteret eller "
                    "politiet om hva du kan gjøre.</p>"
                ),
            },
        },
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 hvis",
                "situations": [
                    "Noen blir slått, truet eller holdt fast akkurat nå.",
                    "Noen er truet på livet.",
                    "Du er redd for at barn er i fare.",
                ],
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Krisesenter</b>: råd og samtaler, og et trygt sted å bo. "
                "Også venner og familie kan ringe for å få råd.</li>"
                "<li><b>Hjelpetelefon og chat</b>: snakk med noen, ofte "
                "anonymt.</li>"
                "<li><b>Juridisk hjelp</b>: råd om økonomi, bolig, barna og "
                "oppholdstillatelse.</li>"
                "</ul>"
                "<p>Se også <i>Slik hjelper du en venn eller noen i familien</i> og "
                "<i>Lag en sikkerhetsplan</i>.</p>"
            ),
        },
    ],
}
