"""Professional guide, situation: a child tells you about violence or abuse."""

PAGE = {
    "slug": "nar-et-barn-forteller",
    "title": "Et barn forteller om vold eller overgrep",
    "summary": (
        "Når et barn forteller deg om vold, overgrep eller vold mellom de voksne "
        "hjemme. Lytt, skriv ned og kontakt barnevernet samme dag."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "barn", "opplysningsplikt", "samtale-med-barn"],
    "related_categories": [
        "child-protection",
        "child-welfare-emergency",
        "police",
        "childrens-house",
    ],
    "parent": "hvem-ringer-jeg",
    "situation": "child-discloses",
    "services_categories": [
        "child-protection",
        "child-welfare-emergency",
        "police",
        "professional-advice",
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
                    "<p>Lytt rolig, og la barnet fortelle med egne ord. Si at det "
                    "var riktig å fortelle, og at det ikke er barnets skyld.</p>",
                    "<p>Still bare åpne spørsmål, som <i>«Vil du fortelle mer?»</i> "
                    "Ikke spør om detaljer, og ikke foreslå svar.</p>",
                    "<p>Si ærlig at du må fortelle det til noen som kan hjelpe, og "
                    "hvem det er.</p>",
                    "<p>Skriv ned så snart som mulig hva barnet sa, med barnets egne "
                    "ord, hva du spurte om, og dato og klokkeslett.</p>",
                    "<p>Skal barnet hjem til den som utøver vold, eller er barnet i "
                    "fare i dag? Ring barnevernet, barnevernvakten eller "
                    "<b>112</b> før barnet går hjem.</p>",
                    "<p>Kontakt barnevernet samme dag. Ved mistanke om vold eller "
                    "overgrep, kontakt også politiet, eller avklar med barnevernet "
                    "hvem som gjør det.</p>",
                ],
            },
        },
        {
            "type": "paragraph",
            "value": (
                "<p>Barnevernet og politiet avgjør hva som skjer videre. Politiet "
                "kan for eksempel bestemme at barnet skal snakke med noen på "
                "Statens barnehus. Derfor er det viktig at barnet ikke blir spurt "
                "ut av andre først.</p>"
            ),
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p><b>Opplysningsplikten</b>: Når et barn forteller om vold eller "
                "overgrep, er det som regel grunn til å tro at barnet er utsatt. "
                "Da skal du si fra til barnevernet, selv om du har taushetsplikt. "
                "Plikten er personlig. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                "barnevernsloven</a>.</p>"
                "<p><b>Avvergingsplikten</b>: Er det sikkert eller mest sannsynlig "
                "at vold eller overgrep vil skje eller fortsetter, skal du prøve å "
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
                    "<li>Ikke lov barnet å holde det hemmelig.</li>"
                    "<li>Ikke avhør barnet, og ikke be barnet fortelle det samme "
                    "flere ganger.</li>"
                    "<li>Ikke konfronter den du mistenker, og ikke kontakt "
                    "foreldrene før du har snakket med barnevernet eller "
                    "politiet.</li>"
                    "<li>Ikke undersøk barnets kropp selv hvis det ikke er en del "
                    "av jobben din.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Barnevern</b>: i kommunen der barnet bor, på dagtid.</li>"
                "<li><b>Barnevernvakt</b>: kvelder, netter og helger.</li>"
                "<li><b>Politi og beskyttelse</b>: ved mistanke om vold eller "
                "overgrep. Ring 112 hvis barnet er i fare nå.</li>"
                "<li><b>Råd til fagfolk</b>: hvis du trenger å drøfte saken.</li>"
                "</ol>"
            ),
        },
    ],
}
