"""Professional guide, situation: violence against an elderly person."""

PAGE = {
    "slug": "vold-mot-eldre",
    "title": "Vold mot en eldre person",
    "summary": (
        "Når du er bekymret for at en eldre person blir utsatt for vold, trusler, "
        "økonomisk utnytting eller omsorgssvikt, ofte fra noen i familien."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "eldre", "okonomisk-vold", "omsorgssvikt"],
    "related_categories": ["elder-abuse", "police", "health", "legal-aid"],
    "parent": "hvem-ringer-jeg",
    "situation": "elder-abuse",
    "services_categories": [
        "elder-abuse",
        "police",
        "health",
        "crisis-shelter",
        "legal-aid",
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
                    "<p>Er den eldre i fare nå, ring <b>112</b>. Ved alvorlig "
                    "skade, ring <b>113</b>.</p>",
                    "<p>Snakk med den eldre alene, uten den du er bekymret for. "
                    "Spør enkelt, og gi god tid. Tenk på hørsel og syn.</p>",
                    "<p>Skriv ned det du ser og hører: skader, frykt, penger eller "
                    "medisiner som mangler.</p>",
                    "<p>Drøft saken med lederen din og med fastlegen eller "
                    "hjemmetjenesten, hvis den eldre har det.</p>",
                    "<p>Få råd fra en tjeneste med erfaring på vold mot eldre.</p>",
                    "<p>Lag en plan sammen med den eldre. Respekter hva den eldre "
                    "ønsker, men gjør noe hvis faren er alvorlig.</p>",
                ],
            },
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Den eldre bestemmer som regel selv, og taushetsplikten gjelder. "
                "Kan den eldre ikke ta vare på egne interesser, for eksempel på "
                "grunn av demens, må du og tjenesten ta et større ansvar. Drøft "
                "med lederen din hvilke regler som gjelder.</p>"
                "<p><b>Avvergingsplikten</b> gjelder også her. Er det sikkert eller "
                "mest sannsynlig at alvorlig vold eller mishandling vil skje eller "
                "fortsetter, skal du prøve å stoppe det, for eksempel ved å varsle "
                "politiet. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2005-05-20-28">'
                "straffeloven</a>.</p>"
                "<p>Er du helsepersonell, har du også egne regler i "
                '<a href="https://lovdata.no/dokument/NL/lov/1999-07-02-64">'
                "helsepersonelloven</a>.</p>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette skal du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke konfronter den du mistenker, før du har en plan "
                    "sammen med den eldre og tjenestene.</li>"
                    "<li>Ikke la den du mistenker, være til stede eller tolke i "
                    "samtalen.</li>"
                    "<li>Ikke avfeil tegnene som alder eller forvirring.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Vold mot eldre</b>: råd til deg og til den eldre.</li>"
                "<li><b>Politi og beskyttelse</b>: ved vold, trusler eller "
                "økonomisk utnytting. Ring 112 ved fare.</li>"
                "<li><b>Helse</b>: fastlege og hjemmetjeneste.</li>"
                "<li><b>Krisesenter</b>: også for eldre som trenger et trygt "
                "sted.</li>"
                "<li><b>Juridisk hjelp</b>: ved økonomisk utnytting.</li>"
                "</ol>"
            ),
        },
    ],
}
