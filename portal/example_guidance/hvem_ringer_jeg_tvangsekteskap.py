"""Professional guide, situation: forced marriage or honour-based violence."""

PAGE = {
    "slug": "tvangsekteskap-og-aeresrelatert-vold",
    "title": "Tvangsekteskap og æresrelatert vold",
    "summary": (
        "Når noen er redd for å bli giftet bort, sendt til utlandet, eller blir "
        "kontrollert og truet av familien. Snakk med personen alene, og handle "
        "raskt hvis en reise er nær."
    ),
    "audiences": ["professionals"],
    "topics": ["fagfolk", "tvangsekteskap", "negativ-sosial-kontroll", "aere"],
    "related_categories": [
        "forced-marriage",
        "police",
        "child-protection",
        "professional-advice",
    ],
    "parent": "hvem-ringer-jeg",
    "situation": "forced-marriage",
    "services_categories": [
        "police",
        "forced-marriage",
        "professional-advice",
        "child-protection",
        "crisis-shelter",
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
                    "<p>Er personen truet eller i fare nå, ring <b>112</b>.</p>",
                    "<p>Snakk med personen alene, et sted der ingen fra familien "
                    "kan høre. Bruk kvalifisert tolk som ikke kjenner familien.</p>",
                    "<p>Spør om det er planlagt en reise, et bryllup eller en "
                    "forlovelse, og når. Er en reise nær, må du handle samme "
                    "dag.</p>",
                    "<p>Er personen under 18 år, kontakt barnevernet og politiet "
                    "med en gang.</p>",
                    "<p>Få råd fra en tjeneste med erfaring på tvangsekteskap og "
                    "æresrelatert vold.</p>",
                    "<p>Lag en sikkerhetsplan sammen med personen, og avtal en "
                    "trygg måte å ha kontakt på.</p>",
                ],
            },
        },
        {"type": "heading", "value": "Hvilke plikter gjelder?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Tvangsekteskap er straffbart i Norge. Det er også vold, trusler "
                "og mishandling i nære relasjoner, selv om det skjer i familiens "
                "navn.</p>"
                "<ul>"
                "<li><b>Opplysningsplikten</b>: Gjelder det et barn under 18 år, "
                "skal du si fra til barnevernet når det er grunn til å tro at "
                "barnet er utsatt. Se "
                '<a href="https://lovdata.no/dokument/NL/lov/2021-06-18-97">'
                "barnevernsloven</a>.</li>"
                "<li><b>Avvergingsplikten</b>: Kan gjelde ved alvorlig vold og "
                "mishandling. Sjekk i "
                '<a href="https://lovdata.no/dokument/NL/lov/2005-05-20-28">'
                "straffeloven</a> hvilke lovbrudd plikten omfatter.</li>"
                "</ul>"
            ),
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Dette skal du ikke gjøre",
                "text": (
                    "<ul>"
                    "<li>Ikke kontakt familien, og ikke prøv å mekle med dem. Det "
                    "kan gjøre det farligere.</li>"
                    "<li>Ikke bruk familie, venner eller andre fra miljøet som "
                    "tolk.</li>"
                    "<li>Ikke send brev eller meldinger som familien kan lese.</li>"
                    "<li>Ikke vent til etter en ferie eller reise.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvem ringer du?"},
        {
            "type": "paragraph",
            "value": (
                "<ol>"
                "<li><b>Politi og beskyttelse</b>: ved trusler eller fare. Ring "
                "112 hvis det haster.</li>"
                "<li><b>Tvangsekteskap og æresrelatert vold</b>: råd og hjelp, "
                "også ved fare for å bli etterlatt i utlandet.</li>"
                "<li><b>Råd til fagfolk</b>: veiledning i konkrete saker.</li>"
                "<li><b>Barnevern</b>: når personen er under 18 år.</li>"
                "<li><b>Krisesenter</b>: et trygt sted å bo.</li>"
                "</ol>"
            ),
        },
    ],
}
