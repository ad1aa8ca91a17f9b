"""Guidance page: the everyday coordinator and how to ask your municipality."""

PAGE = {
    "slug": "hverdagskoordinator",
    "title": "Hverdagskoordinator: én fast person som følger familien",
    "summary": (
        "En hverdagskoordinator er én fast person som følger familien over tid og "
        "samordner hjelpen etter vold. Her kan du lese om ordningen og hvordan du "
        "kan spørre kommunen om en."
    ),
    "audiences": ["families", "professionals"],
    "topics": ["koordinator", "samordning", "oppfolging", "kommunen"],
    "related_categories": ["family-coordinator", "crisis-shelter", "child-protection"],
    "parent": None,
    "review_note": (
        "Utkast skrevet uten fagfellevurdering – må kvalitetssikres av fagperson "
        "før publisering."
    ),
    "body": [
        {
            "type": "paragraph",
            "value": (
                "<p>Etter vold har mange familier kontakt med mange ulike "
                "tjenester, for eksempel krisesenter, barnevern, NAV, skole, lege "
                "og politi. Det kan være slitsomt å forklare alt på nytt hver gang."
                "</p>"
            ),
        },
        {"type": "heading", "value": "Hva gjør en hverdagskoordinator?"},
        {
            "type": "paragraph",
            "value": (
                "<p>En hverdagskoordinator er <b>én fast person</b> som følger hele "
                "familien over tid. Koordinatoren hjelper dere å finne fram, og "
                "sørger for at tjenestene samarbeider.</p>"
                "<p>Dere får én person å forholde dere til, i stedet for mange.</p>"
            ),
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hvor kommer ordningen fra?",
                "answer": (
                    "<p>Stine Sofies Stiftelse startet et prøveprosjekt med "
                    "hverdagskoordinator i 2021–22, sammen med kommunene Lillesand, "
                    "Kristiansand, Bodø og Arendal.</p>"
                    "<p>PwC har evaluert prosjektet. Familiene og alle andre som var "
                    "med, sa at de ville anbefale ordningen. Det som ble verdsatt "
                    "mest, var selve koordinatorrollen.</p>"
                ),
            },
        },
        {
            "type": "question_answer",
            "value": {
                "question": "Hva anbefaler evalueringen?",
                "answer": (
                    "<ul>"
                    "<li>Familien får en koordinator <b>kort tid etter krisen</b>."
                    "</li>"
                    "<li>Koordinatoren bygger en <b>relasjon</b> til familien og "
                    "ser <b>hele familien</b>, også barna.</li>"
                    "<li>Familien har <b>den samme personen over tid</b>.</li>"
                    "<li>Koordinatoren har <b>satt av tid</b> til rollen.</li>"
                    "</ul>"
                ),
            },
        },
        {"type": "heading", "value": "Hvordan ber jeg kommunen om en koordinator?"},
        {
            "type": "paragraph",
            "value": (
                "<p>Ikke alle kommuner har en ordning som heter "
                "hverdagskoordinator. Du kan likevel be om å få én fast person som "
                "samordner hjelpen. I listen over hjelp på denne siden heter dette "
                "«Familiekoordinator».</p>"
            ),
        },
        {
            "type": "steps",
            "value": {
                "heading": "Slik kan du gjøre det",
                "steps": [
                    "<p>Spør en tjeneste du allerede har kontakt med, for eksempel "
                    "krisesenteret, barnevernet, NAV eller helsestasjonen. De kan "
                    "hjelpe deg å sende ønsket videre.</p>",
                    "<p>Eller ring kommunens sentralbord. Spør etter den som har "
                    "ansvar for arbeidet mot vold i nære relasjoner.</p>",
                    "<p>Si at du ønsker én fast person som følger familien over tid "
                    "og samordner hjelpen.</p>",
                    "<p>Si hvordan kommunen trygt kan kontakte deg.</p>",
                    "<p>Be om svar innen en bestemt dato. Skriv ned hvem du har "
                    "snakket med.</p>",
                ],
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "info",
                "heading": "Eksempel på tekst du kan bruke",
                "text": (
                    "<p><i>Hei. Jeg heter [navn]. Familien vår har opplevd vold, "
                    "og vi har nå kontakt med flere tjenester i kommunen. Det er "
                    "vanskelig å holde oversikt. Jeg ber om at vi får én fast "
                    "person, en koordinator, som kan følge familien vår over tid "
                    "og sørge for at tjenestene samarbeider. Vi har barn, og jeg "
                    "ønsker at koordinatoren ser hele familien. Jeg vil helst bli "
                    "kontaktet på [trygg måte å kontakte deg]. Kan dere svare meg "
                    "innen [dato]? Hilsen [navn]</i></p>"
                ),
            },
        },
        {
            "type": "callout",
            "value": {
                "tone": "warning",
                "heading": "Tenk på sikkerheten",
                "text": (
                    "<p>Ikke send meldingen fra en telefon eller e-post som den som "
                    "utøver vold, kan lese. Du trenger ikke skrive detaljer om "
                    "volden. Les også <i>Bruk nettsiden trygt</i>.</p>"
                ),
            },
        },
        {"type": "heading", "value": "For deg som jobber i kommunen"},
        {
            "type": "paragraph",
            "value": (
                "<p>Vil dere prøve en slik ordning? Evalueringen av prøveprosjektet "
                "gir noen tydelige råd:</p>"
                "<ul>"
                "<li>Tildel en koordinator så snart som mulig etter krisen.</li>"
                "<li>La koordinatoren bygge en relasjon og se hele familien.</li>"
                "<li>Sørg for at familien har den samme personen over tid.</li>"
                "<li>Sett av tid til rollen, slik at den ikke kommer på toppen "
                "av alt annet.</li>"
                "</ul>"
            ),
        },
        {"type": "heading", "value": "Hvem kan hjelpe?"},
        {
            "type": "paragraph",
            "value": (
                "<ul>"
                "<li><b>Familiekoordinator</b>: en fast kontaktperson i kommunen "
                "som samordner hjelpen.</li>"
                "<li><b>Krisesenter</b>: støtte, og hjelp til å be kommunen om "
                "oppfølging.</li>"
                "<li><b>Barnevern</b>: hjelp til barna og familien.</li>"
                "</ul>"
            ),
        },
    ],
}
