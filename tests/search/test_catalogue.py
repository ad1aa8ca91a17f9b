"""The database backend's bitset ranking (search.catalogue) finds the same page
as scoring every result one by one with search.ranking's Booster would."""

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from search.analysis import SituationText, TermText, Vocabulary, analyse_query
from search.backends.base import SearchFilters, SearchQuery
from search.catalogue import Catalogue, positions_of, rank_catalogue
from search.ranking import TEXT_WEIGHT, Booster

AT = dt.datetime(2026, 11, 17, 10, 0, tzinfo=dt.UTC)
KEYS = [
    "category:crisis-shelter",
    "category:domestic-violence",
    "category:police",
    "primary:crisis-shelter",
    "audience:for-victims",
    "audience:for-women",
    "audience:for-men",
    "audience:for-perpetrators",
    "round_the_clock:true",
]
TERMS = [TermText("crisis-shelter", "category", "nb", "Krisesenter")]
SITUATIONS = [
    SituationText(
        "han slår meg",
        "nb",
        ("crisis-shelter", "domestic-violence", "police"),
        ("for-victims", "for-women"),
    )
]
VOCABULARY = Vocabulary({"nb": {"krisesenter": 3, "hjelp": 2}}, TERMS, SITUATIONS)

entry = st.tuples(
    st.lists(st.sampled_from(KEYS), unique=True, max_size=5),
    st.sets(st.sampled_from(["krisesent", "hjelp", "bergen"]), max_size=2),
    st.sampled_from([0.0, 0.5, 1.0, 1.5, 2.25]),
    st.sampled_from(["a", "b", "c"]),
)


@settings(max_examples=150, deadline=None)
@given(
    entries=st.lists(entry, min_size=1, max_size=40),
    text=st.sampled_from(["han slår meg krisesenter", "krisesenter hjelp", "hjelp"]),
    page=st.integers(1, 3),
)
def test_the_bitset_page_is_the_page_of_scoring_every_result(entries, text, page):
    rows = [
        (
            n,
            f"g{n}",
            "nb",
            ["type:service", *keys],
            frozenset(["type:service", *keys]),
            title,
            "",
            None,
            None,
            frozenset(tokens),
        )
        for n, (keys, tokens, _, title) in enumerate(entries)
    ]
    catalogue = Catalogue(rows)
    matched = {n: score for n, (_, _, score, _) in enumerate(entries)}
    analysed = analyse_query(text, "nb", VOCABULARY)
    query = SearchQuery(
        text=text, filters=SearchFilters(), page=page, per_page=4, at=AT
    )

    ranked = rank_catalogue(catalogue, matched, query, analysed)

    booster = Booster(analysed)
    scale = TEXT_WEIGHT / (max(matched.values()) or 1.0)
    every = sorted(
        (-round(matched[n] * scale + booster.boost(r[4], True, None, r[9]), 9), r[5], n)
        for n, r in enumerate(rows)
    )
    expected = every[(page - 1) * 4 : page * 4]
    assert [c.ref for c in ranked.page] == [n for _, _, n in expected]
    assert [c.score for c in ranked.page] == [round(-s, 4) for s, _, _ in expected]
    assert ranked.count == len(rows)


def test_positions_of_lists_the_set_bits():
    assert positions_of(0) == []
    assert positions_of(0b1011) == [0, 1, 3]
    assert positions_of(1 << 700 | 1 << 9) == [9, 700]
