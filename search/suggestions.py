"""Suggestions while typing: titles and taxonomy term names that start with what
has been typed, in the reader's language first, then Norwegian."""

from __future__ import annotations

from search.analysis import Vocabulary, scope_languages, words

MAX_SUGGEST_INPUT = 100


def suggest_titles(
    titles: list[tuple[str, str]],
    text: str,
    language: str,
    vocabulary: Vocabulary,
    limit: int = 8,
) -> list[str]:
    """`titles` holds (language, title) pairs. Every typed word must begin a word
    of the suggestion; whole-title prefixes come first, then shorter ones."""
    typed = words(text[:MAX_SUGGEST_INPUT], language, limit=6)
    if not typed or len("".join(typed)) < 2:
        return []
    scope = scope_languages(language)
    names = [
        (term.language, term.name)
        for term in vocabulary.terms
        if term.language in scope
    ]
    ranked = {}
    for position, (lang, title) in enumerate([*names, *titles]):
        if lang not in scope:
            continue
        title_words = words(title, lang)
        if not all(any(w.startswith(t) for w in title_words) for t in typed):
            continue
        starts = bool(title_words) and title_words[0].startswith(typed[0])
        key = (not starts, lang != language, len(title), position)
        if title not in ranked or key < ranked[title]:
            ranked[title] = key
    return [title for title, _ in sorted(ranked.items(), key=lambda i: i[1])][:limit]
