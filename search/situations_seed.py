"""The situation phrases the portal starts with; editors change them in the admin.

Each phrase says who does what. "han slår meg" (he hits me) is a person exposed to
violence: crisis help first. "jeg slår partneren min" (I hit my partner) is a
person who uses violence: help to stop first. "mannen min" (my husband) names a
partner, not the audience "men". Bokmål and English are written by the team;
every other language was drafted without a native speaker and is marked as a
draft for editors to review.
"""

VICTIM = (("domestic-violence", "crisis-shelter", "police"), ("for-victims",))
PERPETRATOR = (("perpetrator-treatment", "domestic-violence"), ("for-perpetrators",))
PARTNER = (("domestic-violence",), ())
CHILD = (
    ("child-welfare-emergency", "child-protection", "helpline"),
    ("for-children", "for-youth"),
)
SEXUAL = (("sexual-assault-centre", "sexual-abuse", "police"), ("for-victims",))
FORCED_MARRIAGE = (("forced-marriage", "immigrant-support"), ())
RELATIVE = (("domestic-violence", "helpline"), ("for-relatives",))
ELDER = (("elder-abuse", "domestic-violence"), ("for-elderly",))
CHILD_WITNESS = (("domestic-violence", "child-protection", "family-counselling"), ())

REVIEWED = {"nb", "en"}

SITUATIONS = {
    "nb": [
        ("han slår meg", VICTIM),
        ("hun slår meg", VICTIM),
        ("slår meg", VICTIM),
        ("slo meg", VICTIM),
        ("jeg blir slått", VICTIM),
        ("jeg ble slått", VICTIM),
        ("mannen min slår meg", VICTIM),
        ("kona mi slår meg", VICTIM),
        ("kjæresten min slår meg", VICTIM),
        ("partneren min slår meg", VICTIM),
        ("han truer meg", VICTIM),
        ("truer meg", VICTIM),
        ("han kontrollerer meg", VICTIM),
        ("redd for mannen min", VICTIM),
        ("redd for partneren min", VICTIM),
        ("jeg er redd hjemme", VICTIM),
        ("jeg slår", PERPETRATOR),
        ("jeg slo", PERPETRATOR),
        ("jeg har slått", PERPETRATOR),
        ("jeg slår partneren min", PERPETRATOR),
        ("jeg slår kona mi", PERPETRATOR),
        ("jeg slår mannen min", PERPETRATOR),
        ("jeg slår barna", PERPETRATOR),
        ("jeg er voldelig", PERPETRATOR),
        ("jeg truer", PERPETRATOR),
        ("jeg blir sint og slår", PERPETRATOR),
        ("mannen min", PARTNER),
        ("min mann", PARTNER),
        ("kona mi", PARTNER),
        ("min kone", PARTNER),
        ("partneren min", PARTNER),
        ("kjæresten min", PARTNER),
        ("eksen min", PARTNER),
        ("pappa slår meg", CHILD),
        ("mamma slår meg", CHILD),
        ("foreldrene mine slår meg", CHILD),
        ("jeg ble voldtatt", SEXUAL),
        ("voldtatt", SEXUAL),
        ("tvunget til å gifte meg", FORCED_MARRIAGE),
        ("venninnen min blir slått", RELATIVE),
        ("vennen min blir slått", RELATIVE),
        ("sønnen min slår meg", ELDER),
        ("barna ser volden", CHILD_WITNESS),
    ],
    "nn": [
        ("han slår meg", VICTIM),
        ("ho slår meg", VICTIM),
        ("eg blir slått", VICTIM),
        ("mannen min slår meg", VICTIM),
        ("eg er redd for mannen min", VICTIM),
        ("eg slår", PERPETRATOR),
        ("eg slår partnaren min", PERPETRATOR),
        ("eg er valdeleg", PERPETRATOR),
        ("mannen min", PARTNER),
        ("partnaren min", PARTNER),
        ("pappa slår meg", CHILD),
        ("eg vart valdteken", SEXUAL),
    ],
    "en": [
        ("he hits me", VICTIM),
        ("she hits me", VICTIM),
        ("hits me", VICTIM),
        ("beats me", VICTIM),
        ("my husband hits me", VICTIM),
        ("my wife hits me", VICTIM),
        ("my partner hits me", VICTIM),
        ("my boyfriend hits me", VICTIM),
        ("he threatens me", VICTIM),
        ("afraid of my husband", VICTIM),
        ("afraid of my partner", VICTIM),
        ("i am being abused", VICTIM),
        ("i hit my partner", PERPETRATOR),
        ("i hit my wife", PERPETRATOR),
        ("i hit my husband", PERPETRATOR),
        ("i am violent", PERPETRATOR),
        ("i get violent", PERPETRATOR),
        ("i hurt my partner", PERPETRATOR),
        ("my husband", PARTNER),
        ("my wife", PARTNER),
        ("my partner", PARTNER),
        ("my boyfriend", PARTNER),
        ("my ex", PARTNER),
        ("my dad hits me", CHILD),
        ("my mum hits me", CHILD),
        ("my parents hit me", CHILD),
        ("i was raped", SEXUAL),
        ("forced to marry", FORCED_MARRIAGE),
        ("my friend is being abused", RELATIVE),
    ],
    "pl": [
        ("mąż mnie bije", VICTIM),
        ("bije mnie", VICTIM),
        ("partner mnie bije", VICTIM),
        ("boję się męża", VICTIM),
        ("biję żonę", PERPETRATOR),
        ("biję partnerkę", PERPETRATOR),
        ("mój mąż", PARTNER),
    ],
    "uk": [
        ("чоловік б'є мене", VICTIM),
        ("мене б'ють", VICTIM),
        ("він б'є мене", VICTIM),
        ("я б'ю дружину", PERPETRATOR),
        ("мій чоловік", PARTNER),
    ],
    "lt": [
        ("vyras mane muša", VICTIM),
        ("mane muša", VICTIM),
        ("aš mušu žmoną", PERPETRATOR),
        ("mano vyras", PARTNER),
    ],
    "ar": [
        ("زوجي يضربني", VICTIM),
        ("يضربني", VICTIM),
        ("أضرب زوجتي", PERPETRATOR),
        ("زوجي", PARTNER),
    ],
    "so": [
        ("ninkayga ayaa i garaaca", VICTIM),
        ("wuu i garaacaa", VICTIM),
        ("waan garaacaa xaaskayga", PERPETRATOR),
        ("ninkayga", PARTNER),
    ],
    "ti": [
        ("ሰብኣየ ይወቕዓኒ", VICTIM),
        ("ይወቕዓኒ", VICTIM),
        ("ሰበይተይ እወቕዓ", PERPETRATOR),
    ],
    "fa": [
        ("شوهرم مرا کتک می‌زند", VICTIM),
        ("مرا کتک می‌زند", VICTIM),
        ("همسرم را کتک می‌زنم", PERPETRATOR),
        ("شوهرم", PARTNER),
    ],
    "ur": [
        ("میرا شوہر مجھے مارتا ہے", VICTIM),
        ("مجھے مارتا ہے", VICTIM),
        ("میں اپنی بیوی کو مارتا ہوں", PERPETRATOR),
        ("میرا شوہر", PARTNER),
    ],
    "tr": [
        ("kocam beni dövüyor", VICTIM),
        ("beni dövüyor", VICTIM),
        ("eşimi dövüyorum", PERPETRATOR),
        ("kocam", PARTNER),
    ],
    "se": [
        ("boadnji cápmá mu", VICTIM),
        ("son cápmá mu", VICTIM),
        ("mun cápmán", PERPETRATOR),
    ],
}


def seed_rows():
    """(language, phrase, categories, audiences, is_draft) for every phrase."""
    for language, items in SITUATIONS.items():
        for phrase, (categories, audiences) in items:
            yield (
                language,
                phrase,
                ", ".join(categories),
                ", ".join(audiences),
                language not in REVIEWED,
            )


def load_situations(model=None) -> int:
    """Add the seed phrases that are missing; never overwrite an editor's change."""
    if model is None:
        from search.models import SituationPhrase as model
    created = 0
    for language, phrase, categories, audiences, draft in seed_rows():
        _, was_created = model.objects.get_or_create(
            language=language,
            phrase=phrase,
            defaults={
                "categories": categories,
                "audiences": audiences,
                "is_draft": draft,
            },
        )
        created += was_created
    return created
