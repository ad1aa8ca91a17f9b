"""Language analysis on its own: no database, no backend."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from search.analysis import (
    SituationText,
    TermText,
    Vocabulary,
    analyse_query,
    analyse_text,
    fold,
    normalise,
    split_compound,
    stem,
    words,
)

NORWEGIAN_WORDS = {
    "vold": 5,
    "utsatt": 3,
    "utsatte": 2,
    "krise": 2,
    "senter": 2,
    "krisesenter": 4,
    "barn": 6,
    "råd": 2,
    "behandling": 2,
    "hjelp": 9,
}
TERMS = [
    TermText("crisis-shelter", "category", "nb", "Krisesenter", ("trygt sted å bo",)),
    TermText("crisis-shelter", "category", "en", "Crisis shelter", ("safe house",)),
    TermText("crisis-shelter", "category", "pl", "Ośrodek kryzysowy (schronienie)"),
    TermText("for-men", "audience", "nb", "Menn", ("mannlig", "jeg er mann")),
    TermText("for-men", "audience", "en", "Men", ("male",)),
]
SITUATIONS = [
    SituationText("han slår meg", "nb", ("crisis-shelter", "police"), ("for-victims",)),
    SituationText("slår meg", "nb", ("crisis-shelter",), ("for-victims",)),
    SituationText("jeg slår", "nb", ("perpetrator-treatment",), ("for-perpetrators",)),
    SituationText(
        "my husband hits me", "en", ("crisis-shelter", "police"), ("for-victims",)
    ),
]


@pytest.fixture(scope="module")
def vocabulary():
    return Vocabulary({"nb": NORWEGIAN_WORDS}, TERMS, SITUATIONS)


def test_normalising_folds_case_and_compatibility_forms_but_keeps_norwegian_letters():
    assert normalise("ﬁNE Ærlig Sør") == "fine ærlig sør"
    assert normalise("İstanbul") == "istanbul"


def test_normalising_drops_arabic_vowel_signs_and_unifies_alef():
    assert normalise("أَهْلاً") == normalise("اهلا")


def test_words_ignore_punctuation_and_overlong_tokens():
    assert words('"vold" OR NEAR(barn*)') == ["vold", "or", "near", "barn"]
    assert words("a" * 41 + " hjelp") == ["hjelp"]


def test_folding_without_nordic_letters():
    assert fold("råd") == fold("rad") == "rad"
    assert fold("sør") == "sor"
    assert fold("şiddet") == "siddet"


@pytest.mark.parametrize("word", ["krisesenteret", "krisesenter", "krisesentre"])
def test_norwegian_forms_of_krisesenter_share_one_stem(word):
    assert stem(word, "nb") == stem("krisesenter", "nb")


def test_languages_without_a_snowball_stemmer_are_left_as_they_are():
    assert stem("насильство", "uk") == "насильство"
    assert stem("rabshadda", "so") == "rabshadda"
    assert stem("shelters", "en") == "shelter"
    assert stem("przemocy", "pl") == stem("przemoc", "pl")


def test_compounds_split_into_parts_from_the_vocabulary(vocabulary):
    assert vocabulary.compound_parts("voldsutsatte") == ["vold", "utsatte"]
    assert vocabulary.compound_parts("krisesenteret") == ["krise", "senteret"]
    assert vocabulary.compound_parts("behandling") == []


def test_compound_splitting_needs_known_parts():
    known = {"vold", "offer"}.__contains__
    assert split_compound("voldsoffer", known) == ["vold", "offer"]
    assert split_compound("voldsofre", known) is None


def test_indexed_text_carries_compound_parts(vocabulary):
    tokens = analyse_text("Voldsutsatte barn", "nb", vocabulary)

    assert {"vold", "utsatt", "barn"} <= set(tokens)


def test_a_typo_is_corrected_to_an_indexed_word(vocabulary):
    query = analyse_query("krisesnter", "nb", vocabulary)

    assert query.corrections == {"krisesnter": "krisesenter"}
    assert stem("krisesenter", "nb") in query.groups[0]


def test_short_words_are_never_corrected(vocabulary):
    assert analyse_query("bam", "nb", vocabulary).corrections == {}


def test_a_word_typed_without_norwegian_letters_finds_the_word(vocabulary):
    query = analyse_query("rad", "nb", vocabulary)

    assert stem("råd", "nb") in query.groups[0]


def test_term_names_and_synonyms_expand_to_their_code_in_any_language(vocabulary):
    assert "crisis-shelter" in analyse_query("trygt sted å bo", "nb", vocabulary).codes
    assert "crisis-shelter" in analyse_query("safe house", "en", vocabulary).codes
    assert "crisis-shelter" in analyse_query("schronienie", "pl", vocabulary).codes


def test_situations_know_who_does_what(vocabulary):
    victim = analyse_query("han slår meg", "nb", vocabulary)
    perpetrator = analyse_query("jeg slår partneren min", "nb", vocabulary)

    assert [s.phrase for s in victim.situations] == ["han slår meg"]
    assert victim.situation_audiences() == ["for-victims"]
    assert [s.phrase for s in perpetrator.situations] == ["jeg slår"]
    assert perpetrator.situation_audiences() == ["for-perpetrators"]


def test_the_longest_situation_wins(vocabulary):
    query = analyse_query("han slår meg", "nb", vocabulary)

    assert len(query.situations) == 1
    assert query.situation_categories() == ["crisis-shelter", "police"]


def test_my_husband_is_not_the_audience_men(vocabulary):
    # "mannen" stems like the synonym "mannlig": the possessive decides.
    assert "for-men" not in analyse_query("mannen min", "nb", vocabulary).codes
    assert "for-men" in analyse_query("jeg er mann", "nb", vocabulary).codes


def test_an_english_situation(vocabulary):
    query = analyse_query("My husband hits me!", "en", vocabulary)

    assert query.situation_audiences() == ["for-victims"]
    assert query.groups == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_any_text_can_be_analysed(text):
    vocabulary = Vocabulary({"nb": NORWEGIAN_WORDS}, TERMS, SITUATIONS)
    query = analyse_query(text, "nb", vocabulary)

    assert all(token.isalnum() for token in query.tokens)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from(
                [
                    "category:a",
                    "category:b",
                    "audience:c",
                    "municipality:Bergen",
                    "municipality:Voss",
                    "municipality:Vestland",
                    "municipality:Hele landet",
                    "free:true",
                    "free:false",
                    "language:pl",
                ]
            ),
            unique=True,
        ),
        max_size=30,
    ),
    st.data(),
)
def test_bitset_facet_counts_equal_plain_counts(rows, data):
    from search.facets import BitsetCounter, count

    catalogue = {ref: frozenset(keys) for ref, keys in enumerate(rows)}
    chosen = data.draw(st.sets(st.sampled_from(list(catalogue) or [0])))
    chosen = [ref for ref in catalogue if ref in chosen]
    flags = [None] * len(chosen)

    expected = count([sorted(catalogue[ref]) for ref in chosen], flags)

    assert BitsetCounter(catalogue)(chosen, flags) == expected


# --- Nynorsk, term-word shares, who is asking -------------------------------------


def test_nynorsk_spellings_are_also_looked_up_in_bokmal():
    from search.analysis import bokmal

    assert bokmal("valdsutsette") == "voldsutsatte"
    assert bokmal("vald") == "vold"
    assert bokmal("born") == "barn"
    assert bokmal("krisesenter") == "krisesenter"  # the same in both


def test_a_nynorsk_compound_splits_through_its_bokmal_spelling(vocabulary):
    analysed = analyse_query("valdsutsette born", "nn", vocabulary)
    first, second = analysed.clauses
    assert ("vold", "utsatt") in first
    assert ("barn",) in second


def test_nynorsk_text_is_indexed_with_its_bokmal_spelling_too(vocabulary):
    tokens = analyse_text("kontaktperson ved vald mot eldre", "nb", vocabulary)
    assert "vald" in tokens and "vold" in tokens


def test_a_word_leans_to_the_term_it_names_most_fully():
    terms = [
        TermText("sexual-abuse", "category", "pl", "Przemoc seksualna"),
        TermText(
            "abuse-support-centre",
            "category",
            "pl",
            "Centrum wsparcia dla osób po kazirodztwie i przemocy seksualnej",
        ),
    ]
    analysed = analyse_query("seksualna", "pl", Vocabulary({}, terms, []))
    assert analysed.codes["sexual-abuse"] == 1.0
    assert 0 < analysed.codes["abuse-support-centre"] < 1.0


def test_he_hits_me_leans_to_help_for_women_without_shutting_out_men():
    from search.ranking import Booster

    situations = [
        SituationText(
            "han slår meg", "nb", ("crisis-shelter",), ("for-victims", "for-women")
        )
    ]
    analysed = analyse_query("han slår meg", "nb", Vocabulary({}, [], situations))
    booster = Booster(analysed)

    def boost(*keys):
        return booster.boost(frozenset(["category:crisis-shelter", *keys]))

    for_women = boost("audience:for-victims", "audience:for-women")
    for_everyone = boost(
        "audience:for-victims", "audience:for-women", "audience:for-men"
    )
    for_men = boost("audience:for-victims", "audience:for-men")
    for_someone_else = boost("audience:for-perpetrators")
    assert for_women == for_everyone > for_men > for_someone_else


def test_a_query_word_in_the_title_counts_for_more(vocabulary):
    from search.ranking import Booster

    booster = Booster(analyse_query("krisesenter barn", "nb", vocabulary))
    both = booster.boost(frozenset(), title=frozenset({"krisesent", "barn"}))
    one = booster.boost(frozenset(), title=frozenset({"barn"}))
    assert both > one > booster.boost(frozenset(), title=frozenset({"hjelp"}))


def test_a_flood_of_made_up_words_cannot_grow_the_remembered_words_without_bound(
    vocabulary, monkeypatch
):
    import search.analysis

    monkeypatch.setattr(search.analysis, "WORDS_REMEMBERED", 10)
    made_up = [f"krisezzq{n:03d}senter" for n in range(100)]

    for word in made_up:
        vocabulary.compound_parts(word)
        vocabulary.correct(word, ("nb",))

    assert len(vocabulary._splits) <= 10
    assert len(vocabulary._corrections) <= 10
    assert vocabulary.correct("krisesentr", ("nb",)) == "krisesenter"
    assert vocabulary.compound_parts("krisesenter") == ["krise", "senter"]


def test_one_word_of_the_portals_topic_means_the_topic_not_every_term_naming_it():
    """'przemoc' (violence) is in the Polish names of domestic violence, sexual
    violence and help for people who use violence; alone, it means the portal's
    topic. A word of another term's name still finds that term."""
    terms = [
        TermText("domestic-violence", "category", "pl", "Przemoc domowa"),
        TermText("sexual-abuse", "category", "pl", "Przemoc seksualna"),
        TermText(
            "perpetrator-treatment",
            "category",
            "pl",
            "Pomoc dla osób stosujących przemoc",
        ),
    ]
    vocabulary = Vocabulary({"nb": NORWEGIAN_WORDS}, terms, [])

    assert analyse_query("przemoc", "pl", vocabulary).codes == {
        "domestic-violence": 1.0
    }
    assert analyse_query("przemocy", "pl", vocabulary).codes == {
        "domestic-violence": 1.0
    }
    assert analyse_query("seksualna", "pl", vocabulary).codes == {"sexual-abuse": 1.0}
    assert analyse_query("stosujących", "pl", vocabulary).codes == {
        "perpetrator-treatment": 1.0
    }
    assert set(analyse_query("przemoc seksualna", "pl", vocabulary).codes) == {
        "sexual-abuse"
    }
