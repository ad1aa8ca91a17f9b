"""The situation phrases the portal starts with; editors change them in the admin.

Each phrase says who does what. "han slår meg" (he hits me) is a person exposed to
violence: crisis help first. "jeg slår partneren min" (I hit my partner) is a
person who uses violence: help to stop first. "mannen min" (my husband) names a
partner, not the audience "men". Bokmål and English are written by the team;
every other language was drafted without a native speaker and is marked as a
draft for editors to review.
"""

VICTIM = (("domestic-violence", "crisis-shelter", "police"), ("for-victims",))
# Who does it says something about who asks: hit by a man ("han slår meg", "my
# husband hits me"), the reader is more likely a woman; hit by a woman, more
# likely a man. The second audience counts less than the first (search.ranking)
# and excludes no one: help for everyone still ranks with it.
VICTIM_OF_A_MAN = (VICTIM[0], ("for-victims", "for-women"))
VICTIM_OF_A_WOMAN = (VICTIM[0], ("for-victims", "for-men"))
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
        ("han slår meg", VICTIM_OF_A_MAN),
        ("hun slår meg", VICTIM_OF_A_WOMAN),
        ("slår meg", VICTIM),
        ("slo meg", VICTIM),
        ("jeg blir slått", VICTIM),
        ("jeg ble slått", VICTIM),
        ("mannen min slår meg", VICTIM_OF_A_MAN),
        ("kona mi slår meg", VICTIM_OF_A_WOMAN),
        ("kjæresten min slår meg", VICTIM),
        ("partneren min slår meg", VICTIM),
        ("han truer meg", VICTIM_OF_A_MAN),
        ("truer meg", VICTIM),
        ("han kontrollerer meg", VICTIM_OF_A_MAN),
        ("redd for mannen min", VICTIM_OF_A_MAN),
        ("redd for partneren min", VICTIM),
        ("jeg er redd hjemme", VICTIM),
        ("jeg blir mishandlet", VICTIM),
        ("jeg blir banket", VICTIM),
        ("han banker meg", VICTIM_OF_A_MAN),
        ("samboeren min slår meg", VICTIM),
        ("eksen min truer meg", VICTIM),
        ("han har slått meg", VICTIM_OF_A_MAN),
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
        ("han slår meg", VICTIM_OF_A_MAN),
        ("ho slår meg", VICTIM_OF_A_WOMAN),
        ("eg blir slått", VICTIM),
        ("mannen min slår meg", VICTIM_OF_A_MAN),
        ("eg er redd for mannen min", VICTIM_OF_A_MAN),
        ("eg vert slått", VICTIM),
        ("eg vart slått", VICTIM),
        ("han trugar meg", VICTIM_OF_A_MAN),
        ("kona mi slår meg", VICTIM_OF_A_WOMAN),
        ("sambuaren min slår meg", VICTIM),
        ("kjærasten min slår meg", VICTIM),
        ("eg er redd heime", VICTIM),
        ("eg slo", PERPETRATOR),
        ("eg slår kona mi", PERPETRATOR),
        ("eg slår mannen min", PERPETRATOR),
        ("eg slår borna", PERPETRATOR),
        ("kona mi", PARTNER),
        ("kjærasten min", PARTNER),
        ("mamma slår meg", CHILD),
        ("foreldra mine slår meg", CHILD),
        ("valdteken", SEXUAL),
        ("borna ser valden", CHILD_WITNESS),
        ("eg slår", PERPETRATOR),
        ("eg slår partnaren min", PERPETRATOR),
        ("eg er valdeleg", PERPETRATOR),
        ("mannen min", PARTNER),
        ("partnaren min", PARTNER),
        ("pappa slår meg", CHILD),
        ("eg vart valdteken", SEXUAL),
    ],
    "en": [
        ("he hits me", VICTIM_OF_A_MAN),
        ("she hits me", VICTIM_OF_A_WOMAN),
        ("hits me", VICTIM),
        ("beats me", VICTIM),
        ("my husband hits me", VICTIM_OF_A_MAN),
        ("my wife hits me", VICTIM_OF_A_WOMAN),
        ("my partner hits me", VICTIM),
        ("my boyfriend hits me", VICTIM_OF_A_MAN),
        ("he threatens me", VICTIM_OF_A_MAN),
        ("afraid of my husband", VICTIM_OF_A_MAN),
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
        ("my husband beats me", VICTIM_OF_A_MAN),
        ("he beats me", VICTIM_OF_A_MAN),
        ("i am afraid at home", VICTIM),
        ("my ex threatens me", VICTIM),
    ],
    "pl": [
        ("mąż mnie bije", VICTIM_OF_A_MAN),
        ("bije mnie", VICTIM),
        ("partner mnie bije", VICTIM),
        ("boję się męża", VICTIM_OF_A_MAN),
        ("on mnie bije", VICTIM_OF_A_MAN),
        ("mąż bije", VICTIM_OF_A_MAN),
        ("przemoc w rodzinie", VICTIM),
        ("zostałam zgwałcona", SEXUAL),
        ("biję żonę", PERPETRATOR),
        ("biję partnerkę", PERPETRATOR),
        ("mój mąż", PARTNER),
    ],
    "uk": [
        ("чоловік б'є мене", VICTIM_OF_A_MAN),
        ("мене б'ють", VICTIM),
        ("він б'є мене", VICTIM_OF_A_MAN),
        ("чоловік мене б'є", VICTIM_OF_A_MAN),
        ("мене б'є чоловік", VICTIM_OF_A_MAN),
        ("я б'ю дружину", PERPETRATOR),
        ("мій чоловік", PARTNER),
    ],
    "lt": [
        ("vyras mane muša", VICTIM_OF_A_MAN),
        ("mane muša", VICTIM),
        ("aš mušu žmoną", PERPETRATOR),
        ("mano vyras", PARTNER),
    ],
    "ar": [
        ("زوجي يضربني", VICTIM_OF_A_MAN),
        ("يضربني", VICTIM),
        ("يضربني زوجي", VICTIM_OF_A_MAN),
        ("أضرب زوجتي", PERPETRATOR),
        ("زوجي", PARTNER),
    ],
    "so": [
        ("ninkayga ayaa i garaaca", VICTIM_OF_A_MAN),
        ("wuu i garaacaa", VICTIM),
        ("ninkaygu wuu i garaacaa", VICTIM_OF_A_MAN),
        ("waan garaacaa xaaskayga", PERPETRATOR),
        ("ninkayga", PARTNER),
    ],
    "ti": [
        ("ሰብኣየ ይወቕዓኒ", VICTIM_OF_A_MAN),
        ("ይወቕዓኒ", VICTIM),
        ("ሰበይተይ እወቕዓ", PERPETRATOR),
    ],
    "fa": [
        ("شوهرم مرا کتک می‌زند", VICTIM_OF_A_MAN),
        ("مرا کتک می‌زند", VICTIM),
        ("همسرم را کتک می‌زنم", PERPETRATOR),
        ("شوهرم", PARTNER),
    ],
    "ur": [
        ("میرا شوہر مجھے مارتا ہے", VICTIM_OF_A_MAN),
        ("مجھے مارتا ہے", VICTIM),
        ("میں اپنی بیوی کو مارتا ہوں", PERPETRATOR),
        ("میرا شوہر", PARTNER),
    ],
    "tr": [
        ("kocam beni dövüyor", VICTIM_OF_A_MAN),
        ("beni dövüyor", VICTIM),
        ("eşimi dövüyorum", PERPETRATOR),
        ("kocam", PARTNER),
    ],
    "se": [
        ("boadnji cápmá mu", VICTIM_OF_A_MAN),
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


# Earlier seed values that a later seed replaces where no editor changed them.
SUPERSEDED = [(", ".join(VICTIM[0]), ", ".join(VICTIM[1]))]


def load_situations(model=None) -> int:
    """Add the seed phrases that are missing; never overwrite an editor's change
    (a row that still holds an earlier seed value is brought up to date)."""
    if model is None:
        from search.models import SituationPhrase as model
    created = 0
    for language, phrase, categories, audiences, draft in seed_rows():
        for old_categories, old_audiences in SUPERSEDED:
            if (old_categories, old_audiences) != (categories, audiences):
                model.objects.filter(
                    language=language,
                    phrase=phrase,
                    categories=old_categories,
                    audiences=old_audiences,
                ).update(categories=categories, audiences=audiences)
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
