"""A small directory for search tests, built through the HSDS importer: a few
services chosen so that each search rule has one clear right answer."""

import uuid

from directory.hsds import import_document
from tests.directory.factories import confidential_location, service_record, term_id

SECRET_STREET = "Hemmeligveien 7"
SECRET_LAT, SECRET_LON = 60.391234, 5.324567

# code, taxonomy, names (nb, en, pl, ar), synonyms (nb, en)
TERMS = [
    (
        "domestic-violence",
        "category",
        (
            "Vold i nære relasjoner",
            "Domestic violence",
            "Przemoc domowa",
            "العنف الأسري",
        ),
        (["familievold", "partnervold"], ["family violence", "domestic abuse"]),
    ),
    (
        "crisis-shelter",
        "category",
        (
            "Krisesenter",
            "Crisis shelter",
            "Ośrodek kryzysowy (schronienie)",
            "مركز الأزمات والإيواء",
        ),
        (["trygt sted å bo", "beskyttet bolig"], ["shelter", "safe house"]),
    ),
    (
        "perpetrator-treatment",
        "category",
        (
            "Hjelp til den som utøver vold",
            "Help for people who use violence",
            "Pomoc dla osób stosujących przemoc",
            "مساعدة لمن يمارسون العنف",
        ),
        (["sinnemestring"], ["anger management"]),
    ),
    (
        "police",
        "category",
        ("Politi og beskyttelse", "Police and protection", "Policja", "الشرطة"),
        (["anmelde", "besøksforbud"], ["report to police"]),
    ),
    (
        "childrens-house",
        "category",
        ("Statens barnehus", "Children's house", "Dom dziecka", "بيت الأطفال"),
        (["avhør av barn"], ["forensic interview"]),
    ),
    (
        "legal-aid",
        "category",
        ("Juridisk hjelp", "Legal aid", "Pomoc prawna", "المساعدة القانونية"),
        (["advokat", "rettshjelp"], ["lawyer", "legal advice"]),
    ),
    (
        "helpline",
        "category",
        (
            "Hjelpetelefon og chat",
            "Helpline and chat",
            "Telefon zaufania",
            "خط المساعدة",
        ),
        (["ringe noen"], ["hotline"]),
    ),
    (
        "for-victims",
        "audience",
        (
            "Voldsutsatte",
            "People exposed to violence",
            "Ofiary przemocy",
            "ضحايا العنف",
        ),
        (["voldsoffer"], ["victim", "survivor"]),
    ),
    (
        "for-women",
        "audience",
        ("Kvinner", "Women", "Kobiety", "النساء"),
        (["kvinne"], ["woman"]),
    ),
    (
        "for-men",
        "audience",
        ("Menn", "Men", "Mężczyźni", "الرجال"),
        # "mannlig" stems to "mann", like "mannen": the trap "mannen min" must miss.
        (["mannlig", "menn", "jeg er mann"], ["male", "I am a man"]),
    ),
    (
        "for-perpetrators",
        "audience",
        (
            "Personer som utøver vold",
            "People who use violence",
            "Osoby stosujące przemoc",
            "مرتكبو العنف",
        ),
        (["voldsutøver"], ["perpetrator"]),
    ),
    (
        "for-children",
        "audience",
        ("Barn og unge", "Children and young people", "Dzieci", "الأطفال"),
        (["barn"], ["child"]),
    ),
    (
        "free-of-charge",
        "feature",
        ("Gratis", "Free of charge", "Bezpłatnie", "مجاني"),
        (["koster ingenting"], ["free"]),
    ),
    (
        "anonymous",
        "feature",
        ("Anonymt", "Anonymous", "Anonimowo", "مجهول"),
        (["uten navn"], ["no name"]),
    ),
    (
        "open-24-7",
        "feature",
        ("Døgnåpent", "Open 24/7", "Całodobowo", "على مدار الساعة"),
        (["hele døgnet"], ["round the clock"]),
    ),
]


def taxonomy_document():
    return {
        "terms": [
            {
                "id": term_id(code),
                "code": code,
                "taxonomy": taxonomy,
                "name": dict(zip(("nb", "en", "pl", "ar"), names, strict=True)),
                "synonyms": {"nb": synonyms[0], "en": synonyms[1]},
            }
            for code, taxonomy, names, synonyms in TERMS
        ]
    }


def _id(name):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"search-test/{name}"))


def _attributes(*codes):
    return [{"id": str(uuid.uuid4()), "taxonomy_term_id": term_id(c)} for c in codes]


def _areas(*names):
    return [{"id": str(uuid.uuid4()), "name": name} for name in names]


def _languages(*codes):
    return [{"id": str(uuid.uuid4()), "code": code} for code in codes]


def _hours(byday, opens, closes):
    return [
        {
            "id": str(uuid.uuid4()),
            "freq": "WEEKLY",
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
        }
    ]


ALL_WEEK = "MO,TU,WE,TH,FR,SA,SU"


def _place(municipality, lat, lon, street="Eksempelgata 1"):
    return {
        "id": str(uuid.uuid4()),
        "location": {
            "id": str(uuid.uuid4()),
            "location_type": "physical",
            "name": "",
            "latitude": lat,
            "longitude": lon,
            "addresses": [
                {
                    "id": str(uuid.uuid4()),
                    "address_1": street,
                    "city": municipality,
                    "region": municipality,
                    "postal_code": "5000",
                    "country": "NO",
                    "address_type": "physical",
                }
            ],
        },
    }


SHELTER = _id("shelter")
MEN_SHELTER = _id("men-shelter")
PERPETRATOR = _id("perpetrator")
POLICE = _id("police")
CHILDREN = _id("children")
LEGAL = _id("legal")
HELPLINE = _id("helpline")
CLOSED = _id("closed")


def service_records():
    return [
        service_record(
            "Krisesenteret i Bergen",
            id=SHELTER,
            organisation="Bergen krisesenter",
            description=(
                "Et trygt sted å bo for kvinner og barn som er utsatt for vold i "
                "nære relasjoner. Ring oss hele døgnet."
            ),
            attributes=_attributes(
                "crisis-shelter",
                "domestic-violence",
                "for-victims",
                "for-women",
                "free-of-charge",
                "open-24-7",
            ),
            service_areas=_areas("Bergen"),
            service_at_locations=[
                confidential_location(SECRET_STREET, SECRET_LAT, SECRET_LON)
            ],
            languages=_languages("nb", "en"),
            schedules=_hours(ALL_WEEK, "00:00", "23:59"),
        ),
        service_record(
            "Botilbud for menn",
            id=MEN_SHELTER,
            organisation="Vestland menn",
            description="Midlertidig bolig for menn som er utsatt for vold.",
            attributes=_attributes("crisis-shelter", "for-men", "for-victims"),
            service_areas=_areas("Vestland"),
            service_at_locations=[_place("Voss", 60.63, 6.42)],
            languages=_languages("nb"),
            schedules=_hours(ALL_WEEK, "00:00", "23:59"),
        ),
        service_record(
            "Samtaletilbud for deg som slår",
            id=PERPETRATOR,
            organisation="Sinne og samtale",
            description=(
                "Samtaler for deg som har brukt vold mot partneren din og vil slutte."
            ),
            attributes=_attributes(
                "perpetrator-treatment",
                "domestic-violence",
                "for-perpetrators",
                "for-men",
            ),
            service_areas=_areas("Bergen"),
            service_at_locations=[_place("Bergen", 60.3920, 5.3240)],
            languages=_languages("nb"),
            schedules=_hours("MO,TU,WE,TH,FR", "08:00", "16:00"),
        ),
        service_record(
            "Politiets familievoldskoordinator",
            id=POLICE,
            organisation="Politiet i Vest",
            description="Politiet hjelper deg med anmeldelse og besøksforbud.",
            attributes=_attributes("police", "domestic-violence", "for-victims"),
            service_areas=_areas("Hele landet"),
            service_at_locations=[_place("Bergen", 60.3950, 5.3300)],
            languages=_languages("nb", "en"),
            schedules=_hours("MO,TU,WE,TH,FR", "08:00", "15:00"),
        ),
        service_record(
            "Støttesenter for barn",
            id=CHILDREN,
            organisation="Barnas hus",
            description="For barn som er utsatt for vold eller overgrep.",
            attributes=_attributes("childrens-house", "for-children"),
            service_areas=_areas("Bergen"),
            service_at_locations=[_place("Bergen", 60.3800, 5.3400)],
            languages=_languages("nb"),
            schedules=_hours("MO,TU,WE,TH,FR", "09:00", "15:00"),
        ),
        service_record(
            "Rettshjelp på Askøy",
            id=LEGAL,
            organisation="Askøy rettshjelp",
            description="Gratis råd fra advokat om skilsmisse og besøksforbud.",
            attributes=_attributes("legal-aid", "free-of-charge", "anonymous"),
            service_areas=_areas("Askøy"),
            service_at_locations=[_place("Askøy", 60.4070, 5.2260)],
            languages=_languages("nb", "pl", "ar"),
            schedules=_hours("MO,WE", "10:00", "14:00"),
        ),
        service_record(
            "Kveldstelefonen",
            id=HELPLINE,
            organisation="Kveldstelefonen",
            description="Anonym telefon og chat om kvelden for alle som er redde.",
            attributes=_attributes("helpline", "anonymous", "free-of-charge"),
            service_areas=_areas("Hele landet"),
            service_at_locations=[],
            languages=_languages("nb", "en", "uk"),
            schedules=_hours(ALL_WEEK, "18:00", "23:00"),
        ),
        service_record(
            "Nedlagt krisetilbud",
            id=CLOSED,
            organisation="Bergen krisesenter",
            status="inactive",
            description="Dette krisesenteret er lagt ned.",
            attributes=_attributes("crisis-shelter"),
            service_areas=_areas("Bergen"),
        ),
    ]


def english_records():
    return [
        {
            "id": SHELTER,
            "name": "Bergen crisis shelter",
            "description": "A safe place to stay for women and children.",
        }
    ]


def build():
    """Import the taxonomy, the services, an English translation and a guidance
    page. Returns the guidance page."""
    from django.conf import settings
    from wagtail.models import Locale

    from portal.models import GuidancePage, HomePage

    import_document(taxonomy_document())
    report = import_document({"contents": service_records()})
    assert not report.problems, report.problems
    report = import_document({"contents": english_records()}, language="en")
    assert not report.problems, report.problems
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    home = HomePage.objects.get(locale=locale)
    page = GuidancePage(
        title="Hva er vold?",
        slug="hva-er-vold-test",
        summary="Vold er mer enn slag: også trusler, kontroll og digital vold.",
        body=[("paragraph", "<p>Psykisk vold er også vold.</p>")],
        locale=locale,
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page
