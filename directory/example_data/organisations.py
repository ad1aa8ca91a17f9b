"""Organisations in the example directory. E-mails and websites are placeholders."""

# ruff: noqa: E501 (data module: long text lines are intended)

# slug, name, description (nb). E-mail is post.<slug>@example.org, website example.org/<slug>.
_ORGANISATIONS = [
    ("politiet", "Politiet", "Politiet i Norge. Ring 112 når noen er i fare."),
    (
        "vest-politidistrikt",
        "Vest politidistrikt",
        "Politidistriktet for Vestland, med politistasjoner i hele fylket.",
    ),
    (
        "amk",
        "Akuttmedisinsk kommunikasjonssentral (AMK)",
        "Tar imot nødsamtaler på 113 og sender ambulanse.",
    ),
    (
        "legevaktnummeret",
        "Nasjonalt legevaktnummer 116 117",
        "Ett nummer som setter deg over til legevakten der du er.",
    ),
    ("bergen-kommune", "Bergen kommune", "Kommunen for innbyggerne i Bergen."),
    ("askoy-kommune", "Askøy kommune", "Kommunen for innbyggerne på Askøy."),
    ("oygarden-kommune", "Øygarden kommune", "Kommunen for innbyggerne i Øygarden."),
    (
        "bjornafjorden-kommune",
        "Bjørnafjorden kommune",
        "Kommunen for innbyggerne i Bjørnafjorden.",
    ),
    ("alver-kommune", "Alver kommune", "Kommunen for innbyggerne i Alver."),
    ("voss-herad", "Voss herad", "Kommunen for innbyggerne på Voss."),
    ("sunnfjord-kommune", "Sunnfjord kommune", "Kommunen for innbyggerne i Sunnfjord."),
    ("helse-forde", "Helse Førde", "Sjukehusa i Sogn og Fjordane."),
    (
        "krisesenteret-bergen",
        "Krisesenteret i Bergen",
        "Krisesenter for Bergen og kommunene rundt, for kvinner, menn og barn.",
    ),
    (
        "krisesenteret-sogn-og-fjordane",
        "Krisesenteret i Sogn og Fjordane",
        "Krisesenter i Førde for kommunene i Sogn og Fjordane.",
    ),
    (
        "statens-barnehus-bergen",
        "Statens barnehus Bergen",
        "Barnehuset tar imot barn og unge som kan ha vært utsatt for vold eller overgrep.",
    ),
    (
        "bufetat",
        "Bufetat, region vest",
        "Statlig etat med blant annet familievernkontorene i Vestland.",
    ),
    (
        "jussformidlingen",
        "Jussformidlingen i Bergen",
        "Gratis rettshjelp drevet av jusstudenter.",
    ),
    (
        "advokatvakten-bergen",
        "Advokatvakten i Bergen",
        "Frivillige advokater som gir kort, gratis rådgivning.",
    ),
    (
        "voldsoffererstatning",
        "Kontoret for voldsoffererstatning",
        "Behandler søknader om erstatning fra staten etter vold.",
    ),
    (
        "kompetanseteamet",
        "Kompetanseteamet mot tvangsekteskap og negativ sosial kontroll",
        "Nasjonalt team som gir råd i saker om tvangsekteskap og æresrelatert vold.",
    ),
    (
        "imdi",
        "IMDi – Integrerings- og mangfoldsdirektoratet",
        "Har ansvar for ordningen med minoritetsrådgivere i skolen.",
    ),
    (
        "vern-for-eldre",
        "Vern for eldre",
        "Landsdekkende telefon om vold, overgrep og utnytting av eldre.",
    ),
    (
        "alarmtelefonen",
        "Alarmtelefonen for barn og unge",
        "Nasjonal telefon for barn og unge som ikke har det trygt.",
    ),
    (
        "mental-helse",
        "Mental Helse",
        "Organisasjon for psykisk helse, med døgnåpen hjelpetelefon.",
    ),
    ("smiso-hordaland", "SMISO Hordaland", "Senter mot incest og seksuelle overgrep."),
    (
        "aldri-alene",
        "Aldri Alene",
        "Frivillig organisasjon der likepersoner støtter dem som lever med vold.",
    ),
    (
        "sanitetsforeningen",
        "Norske Kvinners Sanitetsforening",
        "Frivillig kvinneorganisasjon med lokale foreninger i hele landet.",
    ),
    (
        "kvinnesaksforeningen",
        "Norsk Kvinnesaksforening",
        "Frivillig organisasjon som arbeider for kvinners rettigheter.",
    ),
    (
        "vestland-innvandrerad",
        "Vestland Innvandreråd",
        "Paraply for innvandrerorganisasjoner i Vestland.",
    ),
    (
        "link-bergen",
        "LINK Bergen",
        "Lærings- og møtested for kvinner med innvandrerbakgrunn.",
    ),
]

ORGANISATIONS = [
    {
        "slug": slug,
        "name": name,
        "description": description,
        "email": f"post.{slug}@example.org",
        "website": f"https://example.org/{slug}",
    }
    for slug, name, description in _ORGANISATIONS
]
