"""Guidance page: the forms of violence in close relationships, named concretely."""

PAGE = {
    "slug": "hva-er-vold",
    "title": "Hva er vold?",
    "summary": (
        "Vold er mer enn slag. Her kan du lese om de ulike formene for vold i nære "
        "relasjoner, og om hjelpen du kan få selv om du er usikker."
    ),
    "audiences": ["families", "children-youth"],
    "topics": ["voldsformer", "psykisk-vold", "okonomisk-vold", "digital-vold"],
    "related_categories": ["domestic-violence", "crisis-shelter", "helpline"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "heading": "Det er aldri din skyld",
                "text": (
                    "<p>Den som utøver vold, har alltid ansvaret. Du kan få hjelp "
                    "selv om du ikke er sikker på om det du opplever, «teller» som "
                    "vold. Du bestemmer selv hva du vil gjøre videre.</p>"
                ),
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Vold i nære relasjoner er vold fra en partner, en tidligere "
                "partner eller noen i familien. Mange kjenner ikke igjen alle "
                "formene. Her er noen eksempler.</p>"
            ),
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er fysisk vold?",
                "answer": (
                    "<p>Slag, spark, lugging, dytting, å bli holdt fast, å bli kastet "
                    "ting på eller å bli tatt kvelertak.</p>"
                    "<p>Har noen tatt deg rundt halsen? Gå til lege eller legevakt, "
                    "selv om du ikke ser skader. Det kan være farlig.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er psykisk vold?",
                "answer": (
                    "<p>Trusler, kjefting, å bli gjort narr av eller kalt stygge "
                    "ting. Det kan også være at den andre knuser ting, skader dyr, "
                    "truer med å ta barna eller holder deg borte fra venner og "
                    "familie.</p>"
                    "<p>Psykisk vold kan gjøre at du blir redd hele tiden og "
                    "tilpasser deg for å unngå konflikt.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er seksuell vold?",
                "answer": (
                    "<p>Å bli presset, truet eller tvunget til sex eller seksuelle "
                    "handlinger du ikke vil. Det gjelder også i et parforhold og i "
                    "et ekteskap.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er økonomisk vold?",
                "answer": (
                    "<p>At den andre styrer alle pengene, tar lønnen din, tar opp "
                    "lån i ditt navn eller hindrer deg i å jobbe eller studere.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er digital vold?",
                "answer": (
                    "<p>At noen sjekker telefonen din, følger med på hvor du er, "
                    "sender truende meldinger, eller deler eller truer med å dele "
                    "bilder av deg. Les også <i>Bruk nettsiden trygt</i>.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva er negativ sosial kontroll?",
                "answer": (
                    "<p>At familien eller andre bestemmer hvem du kan være sammen "
                    "med, hva du har på deg, eller hvem du skal gifte deg med. Det "
                    "kan handle om familiens ære. Noen blir truet med å bli sendt "
                    "til utlandet eller giftet bort mot sin vilje.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Er det vold når barn ser eller hører det?",
                "answer": (
                    "<p>Ja. Barn som ser eller hører vold hjemme, blir også utsatt "
                    "for vold. Det kan skade dem, også når de ikke selv blir "
                    "slått.</p>"
                    "<p>Det er forbudt å slå barn i Norge, også som oppdragelse.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva om det er jeg som utøver vold?",
                "answer": (
                    "<p>Det er mulig å slutte, og det finnes hjelp. Se tilbudene "
                    "under «Hjelp til den som utøver vold».</p>"
                ),
            },
        },
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 hvis",
                "situations": [
                    "Du eller barna blir utsatt for vold eller trusler nå.",
                    "Du er redd for ditt eget liv eller andres liv.",
                ],
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Krisesenter</b>: gratis, uten henvisning. Du kan ringe "
                "for å få råd, også hvis du er usikker.</li>"
                "<li><b>Hjelpetelefon og chat</b>: snakk med noen, ofte "
                "anonymt.</li>"
                "<li>Er du under 18? Ring Alarmtelefonen for barn og unge på "
                "<b>116 111</b>.</li>"
                "</ul>"
            ),
        },
    ],
}
