"""Professional guide, situation: the person using violence asks for help."""

PAGE = {
    "slug": "nar-den-som-utover-vold-vil-ha-hjelp",
    "title": "Den som utøver vold, ber om hjelp",
    "summary": (
        "Når noen forteller at de slår, truer eller skremmer noen i familien, og "
        "vil slutte. Ta det på alvor, og tenk på sikkerheten til de andre i "
        "familien."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "voldsutover", "behandling", "barn"],
    "related_categories": [
        "perpetrator-treatment",
        "family-counselling",
        "child-protection",
    ],
    "parent": "hvem-ringer-jeg",
    "situation": "perpetrator-wants-help",
    "services_categories": [
        "perpetrator-treatment",
        "family-counselling",
        "child-protection",
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
                    "<p>Er noen i fare nå, ring <b>112</b>.</p>",
                    "<p>Ta det på alvor. Si at det er bra at personen ber om hjelp, "
                    "og at det er mulig å slutte.</p>",
                    "<p>Vær tydelig på at volden er personens eget ansvar.</p>",
                    "<p>Spør konkret: Hvem blir utsatt? Bor det barn der? Er noen "
                    "redde nå? Finnes det våpen?</p>",
                    "<p>Henvis til behandling for den som utøver vold, og tilby å "
                    "hjelpe med å ta kontakt mens personen er hos deg.</p>",
                    "<p>Bor det barn i hjemmet, si fra til barnevernet. Fortell "
                    "personen at det er for å hjelpe familien.</p>",
                ],
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Den som blir utsatt, bør få tilbud om hjelp, for eksempel fra "
                "et krisesenter. Det må skje gjennom en egen og trygg kontakt, ikke "
                "via den som utøver vold.</p>"
            ),
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p><b>Opplysningsplikten</b>: Lever barn med vold hjemme, skal du "
                "si fra til barnevernet. Det gjelder også når det er den som utøver "
                "vold, som forteller. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                "barnevernsloven</a>.</p>"
                "<p><b>Avvergingsplikten</b>: Er det sikkert eller mest sannsynlig "
                "at alvorlig vold vil skje eller fortsetter, skal du prøve å "
                "stoppe det, for eksempel ved å varsle politiet. Se "
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
                    "<li>Ikke lov full taushet. Si ærlig hvilke plikter du har.</li>"
                    "<li>Ikke tilby parsamtaler eller mekling som første hjelp "
                    "mens det er vold.</li>"
                    "<li>Ikke bagatelliser volden, og ikke legg skylden på den som "
                    "blir utsatt.</li>"
                    "<li>Ikke fortell den som utøver vold, hva den utsatte har sagt "
                    "til deg eller andre.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Hjelp til den som utøver vold</b>: behandling og kurs for "
                "den som vil slutte.</li>"
                "<li><b>Familievern</b>: samtaler for familier med konflikter og "
                "vold.</li>"
                "<li><b>Barnevern</b>: når det bor barn i hjemmet.</li>"
                "<li><b>Politi og beskyttelse</b>: ved fare. Ring 112 hvis det "
                "haster.</li>"
                "</ol>"
            ),
        },
    ],
}
