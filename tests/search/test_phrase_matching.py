"""Phrase matching (situations, term names and synonyms in a query) looks phrases up
by their stems instead of trying every phrase at every position: the matches must
be those of trying them all, in the same order."""

from hypothesis import given, settings
from hypothesis import strategies as st

from search.analysis import SituationText, TermText, Vocabulary, stem, words
from search.situations_seed import SITUATIONS

TERMS = [
    TermText("crisis-shelter", "category", "nb", "Krisesenter", ("krisesentre",)),
    TermText("crisis-shelter", "category", "en", "Crisis shelter", ("refuge",)),
    TermText("violence", "topic", "nb", "Vold i nære relasjoner", ("vold",)),
    TermText("violence", "topic", "en", "Domestic violence", ("violence",)),
    TermText("children", "audience", "nb", "Barn og unge", ("barn",)),
    TermText("legal", "category", "nb", "Juridisk hjelp", ("advokat", "jus")),
    TermText("police", "category", "nb", "Politi", ("politiet",)),
]
VOCABULARY = Vocabulary(
    {},
    TERMS,
    [
        SituationText(phrase, language, tuple(categories), tuple(audiences))
        for language, items in SITUATIONS.items()
        for phrase, (categories, audiences) in items
    ],
)
LANGUAGES = ("nb", "en", "nn")
TABLES = {"situations": VOCABULARY._situations, "terms": VOCABULARY._term_phrases}
# Words of every phrase and some that are in none.
WORDS = sorted(
    {
        word
        for table in TABLES.values()
        for phrases in table.values()
        for phrase in phrases
        for word in phrase.key
    }
    | {word for t in TERMS for word in words(t.name, t.language)}
    | {"han", "slår", "meg", "jeg", "hjelp", "trenger", "i", "og", "ikke"}
)


def every_phrase_at_every_position(table, query_words, languages, taken=()):
    """The matching as it was written first: the reference."""
    matches = []
    used = set(taken)
    stems_by_lang = {lang: [stem(w, lang) for w in query_words] for lang in languages}
    candidates = [p for lang in languages for p in table.get(lang, ())]
    candidates.sort(key=lambda p: -len(p.key))
    for phrase in candidates:
        stems = stems_by_lang[phrase.language]
        size = len(phrase.key)
        for start in range(len(stems) - size + 1):
            span = range(start, start + size)
            if used.intersection(span):
                continue
            if tuple(stems[start : start + size]) == phrase.key:
                matches.append((phrase, start, start + size))
                used.update(span)
    return matches


def test_the_reference_finds_something():
    query = words("han slår meg og barna, trenger krisesenter", "nb")
    found = every_phrase_at_every_position(TABLES["situations"], query, LANGUAGES)
    assert found
    assert VOCABULARY.match_phrases(TABLES["situations"], query, LANGUAGES) == found


@settings(max_examples=400, deadline=None)
@given(
    query=st.lists(st.sampled_from(WORDS), max_size=12),
    table=st.sampled_from(sorted(TABLES)),
    languages=st.permutations(LANGUAGES),
    taken=st.sets(st.integers(min_value=0, max_value=11), max_size=3),
)
def test_matches_are_those_of_trying_every_phrase(query, table, languages, taken):
    expected = every_phrase_at_every_position(TABLES[table], query, languages, taken)
    assert VOCABULARY.match_phrases(TABLES[table], query, languages, taken) == (
        expected
    )


def test_every_phrase_within_a_query_matches_as_before():
    texts = [
        (phrase, language)
        for language, items in SITUATIONS.items()
        for phrase, _codes in items
    ] + [(text, t.language) for t in TERMS for text in (t.name, *t.synonyms)]
    orders = [("nb", "nn", "en"), ("nn", "nb", "en"), ("en", "nn", "nb")]
    matched = 0
    for text, language in texts:
        query = ["jeg", *words(text, language), "og", *words(text, language)]
        for languages in orders:
            for table in TABLES.values():
                expected = every_phrase_at_every_position(table, query, languages)
                assert VOCABULARY.match_phrases(table, query, languages) == expected
                matched += bool(expected)
    assert matched > len(texts)
