"""Guidance page for children and young people, in a simpler voice."""

PAGE = {
    "slug": "for-barn-og-unge",
    "title": "For deg som er barn eller ung",
    "summary": (
        "Er det vold eller trusler hjemme hos deg? Det er ikke din skyld, og her "
        "kan du lese hvem du kan snakke med."
    ),
    "audiences": ["children-youth"],
    "topics": ["barn", "ungdom", "si-fra", "alarmtelefonen"],
    "related_categories": [
        "helpline",
        "child-welfare-emergency",
        "child-protection",
        "youth-health-clinic",
    ],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "when_to_call_emergency",
            "value": {
                "heading": "Ring 112 hvis",
                "situations": [
                    "Noen slår deg eller andre hjemme akkurat nå.",
                    "Du er redd for at noen skal bli skadet.",
                    "Du ikke er trygg der du er.",
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "heading": "Det er ikke din skyld",
                "text": (
                    "<p>Det er aldri barns skyld at voksne slår, truer eller "
                    "skremmer. Det er ikke din jobb å stoppe det. Du har rett til å "
                    "være trygg.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem kan jeg ringe?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Ring <b>116 111</b>. Det er Alarmtelefonen for barn og unge. "
                "Det er gratis, og de svarer hele døgnet. Du kan fortelle hva som "
                "skjer, og de hjelper deg videre.</p>"
                "<p>Du kan også kontakte <b>barnevernvakten</b>. De hjelper barn "
                "når barnevernet har stengt, om kvelden, om natta og i helgene.</p>"
            ),
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Kan jeg fortelle det til en voksen jeg kjenner?",
                "answer": (
                    "<p>Ja. Du kan si det til en lærer, helsesykepleieren, en "
                    "trener eller en annen voksen du stoler på.</p>"
                    "<p>Voksne som jobber med barn, har plikt til å si fra til "
                    "barnevernet når de er bekymret for deg. Derfor kan de ikke "
                    "love å holde det hemmelig. Du kan spørre dem hva som skjer "
                    "videre.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva hvis jeg ikke vet hva jeg skal si?",
                "answer": (
                    "<p>Du kan si: <i>«Jeg har det ikke bra hjemme.»</i> Det er "
                    "nok til å begynne. Den voksne kan hjelpe deg med resten.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Blir det farligere hvis jeg sier fra?",
                "answer": (
                    "<p>Si til den du snakker med at du er redd. Da kan de tenke på "
                    "det når de hjelper deg. Barnevernet og politiet skal passe "
                    "på at du er trygg.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva om vennen min har det sånn?",
                "answer": (
                    "<p>Hør på vennen din, og si at det ikke er hans eller hennes "
                    "skyld. Fortell det til en voksen du stoler på. Dere kan også "
                    "ringe 116 111 sammen.</p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Pass på telefonen din",
                "text": (
                    "<p>Hvis andre sjekker telefonen din, kan de se hvem du har "
                    "ringt og hvilke sider du har lest. Les <i>Bruk nettsiden "
                    "trygt</i>. Trykk på «Forlat siden raskt» hvis noen kommer.</p>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>116 111</b>: Alarmtelefonen for barn og unge.</li>"
                "<li><b>Barnevernvakt</b>: når barnevernet har stengt.</li>"
                "<li><b>Helsestasjon for ungdom</b>: gratis, og du kan komme uten "
                "å bestille time.</li>"
                "</ul>"
            ),
        },
    ],
}
