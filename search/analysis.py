"""All language analysis for search: normalising, stemming, compounds, typos,
synonyms and situation phrases. Pure Python, no database: testable alone.

The same functions analyse what is indexed and what is asked, so that both sides
meet on the same tokens:

- ``normalise`` / ``words``: Unicode NFKC, case folding, combining marks removed
  (Arabic vowel signs, a stray accent), Arabic-script letter variants unified. The
  Norwegian letters æ, ø and å stay distinct in the index ("bor" is not "bør"), but
  a query typed without them ("rad", "kvinnehjelp sor") still finds the word via a
  folded lookup in the vocabulary (``fold``).
- ``stem``: Snowball stemmers (PyStemmer) for the portal languages Snowball knows:
  Norwegian (nb, nn), English, Polish, Lithuanian, Arabic, Persian and Turkish.
  Ukrainian, Somali, Tigrinya, Urdu and Northern Sami have no Snowball stemmer and
  are left unstemmed; term names and synonyms still reach services in them.
- ``split_compound``: Norwegian compounds ("voldsutsatte" = vold + s + utsatte)
  split with a dictionary of known parts built from the indexed vocabulary and the
  taxonomy, not a fixed list.
- ``Vocabulary``: the indexed words (for typo correction with rapidfuzz), taxonomy
  term names and synonyms in every language (phrase-aware, expanded to term codes)
  and the editors' situation phrases ("han slår meg" -> crisis help).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

SNOWBALL = {
    "nb": "norwegian",
    "nn": "norwegian",
    "en": "english",
    "pl": "polish",
    "lt": "lithuanian",
    "ar": "arabic",
    "fa": "persian",
    "tr": "turkish",
}
NORWEGIAN = {"nb", "nn"}
SOURCE_LANGUAGE = "nb"
MAX_QUERY_WORDS = 32
MAX_WORD_LENGTH = 40
MIN_PART_LENGTH = 3
# What the whole portal is about: a visitor's single word from this term's name
# means this term alone (see analyse_query, step 3): every other term it names
# would add its services, and each added term lifts them above the topic's own.
PORTAL_TOPIC = "domestic-violence"
# Visitors' words whose compound split or typo correction is remembered per
# vocabulary; the memory starts afresh when full, so that a flood of made-up
# words cannot grow a server process without bound.
WORDS_REMEMBERED = 20_000
# Compound linking letters: vold-s-utsatt, barn-e-vern.
LINKS = ("", "s", "e")


# Short stop lists: words that carry no meaning for matching. They still take part
# in phrase matching ("han slår meg"), which runs before they are dropped.
def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


STOPWORDS = {
    "nb": _set(
        "og i jeg det at en et den til er som på de med han av ikke der så var meg "
        "seg men ett har om vi min mitt ha hadde hun nå over da ved fra du ut sin "
        "dem oss opp man kan hans hvor eller hva skal selv her alle vil bli ble "
        "blitt kunne inn når være kom noen noe ville dere deres kun ja etter ned "
        "skulle denne for deg si sine sitt mot å hvorfor dette disse uten hvordan "
        "ingen din ditt blir samme hvilken hvilke sånn mellom vår hver hvem hvis "
        "både bare enn fordi før mange også slik vært mi mine hennes henne"
    ),
    "nn": _set(
        "og i eg det at ein eit den til er som på dei med han av ikkje der så var "
        "meg seg men har om vi min mitt ha hadde ho no over då ved frå du ut sin "
        "dykk oss opp kan hans kvar eller kva skal her alle vil bli vart vere kom "
        "nokon noko ville dykkar berre etter ned skulle denne for deg si sine sitt "
        "mot å kvifor dette desse utan korleis ingen din ditt blir same kven viss "
        "både enn fordi før mange også slik vore mi mine hennar henne"
    ),
    "en": _set(
        "a an and are as at be been but by can do for from had has have he her "
        "him his how i if in into is it its me my of on or our she so that the "
        "their them they this to was we were what when where which who why will "
        "with you your am"
    ),
    "pl": _set("i w z na do się nie to jest że o a jak mnie mi mój moja"),
    "tr": _set("ve bir bu da de ile için ben beni bana mı mi"),
    "lt": _set("ir į su iš yra kad aš mane man mano"),
}

# Possessives: an audience term right next to one names a relation, not the reader
# ("mannen min" is my husband, not "for men").
POSSESSIVES = {
    "nb": {"min", "mi", "mitt", "mine", "vår", "vårt", "våre"},
    "nn": {"min", "mi", "mitt", "mine", "vår", "vårt", "våre"},
    "en": {"my", "our"},
    "pl": {"mój", "moja", "moje", "mojego", "mojej", "mąż"},
    "uk": {"мій", "моя", "моє", "мого", "моєї"},
    "lt": {"mano"},
    "tr": {"benim"},
    "so": {"kayga", "tayda", "ayga"},
}

# Nynorsk and bokmål spell many words of this field differently ("vald" / "vold",
# "valdsutsette born" / "voldsutsatte barn"), and the directory is written mostly
# in bokmål, with some nynorsk. Norwegian words are therefore also indexed and
# looked up in their bokmål spelling: whole words, then a nynorsk first part of a
# compound and a nynorsk last part (so "valdsutsette" -> "voldsutsatte").
NYNORSK_WORDS = {
    "eg": "jeg",
    "ho": "hun",
    "dei": "de",
    "ikkje": "ikke",
    "kva": "hva",
    "kven": "hvem",
    "kvar": "hvor",
    "korleis": "hvordan",
    "sjølv": "selv",
    "vere": "være",
    "vart": "ble",
    "vert": "blir",
    "heime": "hjemme",
    "heim": "hjem",
    "born": "barn",
    "borna": "barna",
    "ungar": "barn",
    "gut": "gutt",
    "gutar": "gutter",
    "vaksen": "voksen",
    "vaksne": "voksne",
    "kjærasten": "kjæresten",
    "kjæraste": "kjæreste",
    "partnaren": "partneren",
    "sambuar": "samboer",
    "sambuaren": "samboeren",
    "trugar": "truer",
    "truga": "truet",
    "trugsmål": "trusler",
    "mishandla": "mishandlet",
    "valdteken": "voldtatt",
    "valdtatt": "voldtatt",
    "valdeleg": "voldelig",
    "bustad": "bolig",
    "pårørande": "pårørende",
    "naud": "nød",
    "naudnummer": "nødnummer",
    "rettleiing": "veiledning",
    "tilvising": "henvisning",
    "døgeret": "døgnet",
    "ope": "åpent",
    "skule": "skole",
    "lækjar": "lege",
    "innvandrar": "innvandrer",
    "innvandrarar": "innvandrere",
    "minoritetar": "minoriteter",
    "flyktningar": "flyktninger",
    "personar": "personer",
    "kvinna": "kvinnen",
    "tenester": "tjenester",
    "teneste": "tjeneste",
    "tilbod": "tilbud",
    "tilboda": "tilbudene",
    "hjelpa": "hjelpen",
    "samtalar": "samtaler",
    "eldste": "eldste",
}
NYNORSK_HEADS = {"vald": "vold", "born": "barn", "naud": "nød", "teneste": "tjeneste"}
NYNORSK_TAILS = {
    "utsette": "utsatte",
    "utsett": "utsatt",
    "teneste": "tjeneste",
    "tenesta": "tjenesten",
    "tenester": "tjenester",
    "tilbod": "tilbud",
    "bustad": "bolig",
    "rettleiing": "veiledning",
    "vald": "vold",
    "valden": "volden",
}


def _forget_when_full(memory: dict) -> None:
    if len(memory) >= WORDS_REMEMBERED:
        memory.clear()


@lru_cache(maxsize=50_000)
def bokmal(word: str) -> str:
    """The bokmål spelling of a nynorsk word of this field, else the word."""
    if word in NYNORSK_WORDS:
        return NYNORSK_WORDS[word]
    found = word
    for head, replacement in NYNORSK_HEADS.items():
        if found.startswith(head) and len(found) > len(head):
            found = replacement + found[len(head) :]
            break
    for tail, replacement in sorted(NYNORSK_TAILS.items(), key=lambda t: -len(t[0])):
        if found.endswith(tail) and (found == tail or len(found) > len(tail) + 2):
            found = found[: -len(tail)] + replacement
            break
    return found


_ARABIC_SCRIPT = str.maketrans(
    {
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ى": "ي",
        "ـ": None,  # tatweel
        "\u200c": None,  # zero-width non-joiner (Persian)
        "\u200d": None,
    }
)
_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ك": "ک"})
_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "ł": "l", "đ": "d", "ŧ": "t"})
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _cleanup_table() -> dict[int, object]:
    """Delete combining marks (Basic Multilingual Plane) and unify Arabic-script
    letters, in one str.translate pass."""
    table: dict[int, object] = {
        code: None
        for code in range(0x300, 0x10000)
        if unicodedata.category(chr(code)) == "Mn"
    }
    table.update(_ARABIC_SCRIPT)
    return table


@lru_cache(maxsize=1)
def _needs_cleanup():
    """Finds any character _cleanup_table() changes: most text holds none, and a
    search for one costs far less than the translate pass (a dictionary lookup
    per character)."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in _cleanup_table()) + "]")


def normalise(text: str, language: str = "") -> str:
    """NFKC, case-folded, combining marks dropped, Arabic-script variants unified."""
    text = unicodedata.normalize("NFKC", text or "").casefold()
    if _needs_cleanup().search(text):
        text = text.translate(_cleanup_table())
    if language in {"fa", "ur"}:
        text = text.translate(_PERSIAN_LETTERS)
    return text


def words(text: str, language: str = "", limit: int | None = None) -> list[str]:
    """The normalised words of a text, in order."""
    found = [
        word
        for word in _WORD.findall(normalise(text, language))
        if len(word) <= MAX_WORD_LENGTH
    ]
    return found[:limit] if limit else found


def fold(word: str) -> str:
    """Without diacritics or Nordic letters: "kvinnehjelp sør" -> "... sor"."""
    word = word.translate(_FOLD)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


@lru_cache(maxsize=16)
def _stemmer(language: str):
    algorithm = SNOWBALL.get(language)
    return Stemmer.Stemmer(algorithm) if algorithm else None


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    """The stem of a normalised word; the word itself where Snowball has no
    stemmer. Norwegian is stemmed to a fixed point so that "krisesenteret",
    "krisesenter" and "krisesentre" meet."""
    stemmer = _stemmer(language)
    if stemmer is None or word.isdigit():
        return word
    if language not in NORWEGIAN:
        return stemmer.stemWord(word)
    for _ in range(3):
        shorter = stemmer.stemWord(word)
        if shorter == word:
            break
        word = shorter
    if word.endswith("ntr"):  # senter / sentre, both "sent"
        word = word[:-1]
    return word


def is_stopword(word: str, language: str) -> bool:
    return word in STOPWORDS.get(language, ())


def code_token(code: str) -> str:
    """The index token of a taxonomy code: letters and digits only, so every
    full-text parser keeps it whole ("crisis-shelter" -> "termcrisisshelter")."""
    return "term" + re.sub(r"[^a-z0-9]", "", code.lower())


# --- Compounds --------------------------------------------------------------------


def split_compound(
    word: str, is_part, depth: int = 2, is_head=None
) -> list[str] | None:
    """Split a Norwegian compound into known parts, linking letters dropped.

    `is_part` accepts the last part (which carries the inflection); `is_head`,
    stricter, the parts before it (default: the same test). Prefers the fewest
    parts, then the longest shortest part. None when the word is not a compound
    of known parts.
    """
    is_head = is_head or is_part
    best: list[str] | None = None

    def better(candidate):
        if best is None:
            return True
        return (len(candidate), -min(map(len, candidate))) < (
            len(best),
            -min(map(len, best)),
        )

    for cut in range(MIN_PART_LENGTH, len(word) - MIN_PART_LENGTH + 1):
        head, rest = word[:cut], word[cut:]
        if not is_head(head):
            continue
        for link in LINKS:
            if not rest.startswith(link):
                continue
            tail = rest[len(link) :]
            if len(tail) < MIN_PART_LENGTH:
                continue
            if is_part(tail):
                candidate = [head, tail]
            elif depth > 1:
                sub = split_compound(tail, is_part, depth - 1, is_head)
                candidate = [head, *sub] if sub else None
            else:
                candidate = None
            if candidate and better(candidate):
                best = candidate
    return best


# --- Vocabulary -------------------------------------------------------------------


def name_variants(name: str) -> list[str]:
    """A term name and the parts people type alone: "Sığınma evi (kriz merkezi)"
    also as "Sığınma evi" and "kriz merkezi"; "A / B" as "A" and "B"."""
    variants = [name]
    outside = re.sub(r"\([^)]*\)", " ", name).strip()
    inside = re.findall(r"\(([^)]*)\)", name)
    for part in [outside, *inside]:
        variants.extend(p.strip() for p in re.split(r"[/,;]", part) if p.strip())
    return list(dict.fromkeys(variants))


@dataclass(frozen=True)
class TermText:
    """A taxonomy term's name and synonyms in one language."""

    code: str
    taxonomy: str  # category | audience | feature
    language: str
    name: str
    synonyms: tuple[str, ...] = ()


@dataclass(frozen=True)
class SituationText:
    """An editor's situation phrase in one language."""

    phrase: str
    language: str
    categories: tuple[str, ...]
    audiences: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Phrase:
    key: tuple[str, ...]  # stems
    language: str
    payload: object


@dataclass
class SituationMatch:
    phrase: str
    language: str
    categories: list[str]
    audiences: list[str]
    start: int
    end: int


@dataclass
class AnalysedQuery:
    text: str
    language: str
    words: list[str]
    groups: list[list[str]] = field(default_factory=list)  # alternatives per word
    corrections: dict[str, str] = field(default_factory=dict)
    codes: dict[str, float] = field(default_factory=dict)  # code -> weight
    situations: list[SituationMatch] = field(default_factory=list)
    # For matching every word: per group, the alternatives as token tuples that
    # must all be present (a stem; a compound's parts; a term code).
    clauses: list[list[tuple[str, ...]]] = field(default_factory=list)

    def required(self) -> list[list[tuple[str, ...]]]:
        """Clauses that must all match (each by any alternative): one per word,
        plus one for the situations' codes."""
        required = list(self.clauses)
        codes = [*self.situation_categories(), *self.situation_audiences()]
        if codes:
            required.append([(code_token(code),) for code in dict.fromkeys(codes)])
        return required

    @property
    def tokens(self) -> list[str]:
        """Every token to look up: word alternatives, then expanded codes."""
        seen: dict[str, None] = {}
        for group in self.groups:
            seen.update(dict.fromkeys(group))
        for code in self.codes:
            seen[code_token(code)] = None
        for situation in self.situations:
            for code in (*situation.categories, *situation.audiences):
                seen[code_token(code)] = None
        return list(seen)

    @property
    def is_empty(self) -> bool:
        return not self.tokens

    def situation_categories(self) -> list[str]:
        ordered: dict[str, None] = {}
        for situation in self.situations:
            ordered.update(dict.fromkeys(situation.categories))
        return list(ordered)

    def situation_audiences(self) -> list[str]:
        ordered: dict[str, None] = {}
        for situation in self.situations:
            ordered.update(dict.fromkeys(situation.audiences))
        return list(ordered)


def scope_languages(language: str) -> list[str]:
    """The document languages a query in `language` searches: its own, then the
    Norwegian source for services and pages not translated into it."""
    return [language] if language == SOURCE_LANGUAGE else [language, SOURCE_LANGUAGE]


class Vocabulary:
    """What the analyser knows about the index: its words per language, the
    taxonomy's names and synonyms, and the situation phrases."""

    def __init__(
        self,
        word_counts: dict[str, dict[str, int]] | None = None,
        terms: Iterable[TermText] = (),
        situations: Iterable[SituationText] = (),
    ):
        self.word_counts = {lang: dict(c) for lang, c in (word_counts or {}).items()}
        self.terms = list(terms)
        # Term names and synonyms are words people type: part of the vocabulary.
        for term in self.terms:
            counts = self.word_counts.setdefault(term.language, {})
            for text in (term.name, *term.synonyms):
                for word in words(text, term.language):
                    counts.setdefault(word, 1)
        self._stems = {
            lang: {stem(w, lang) for w in counts}
            for lang, counts in self.word_counts.items()
        }
        self._folded: dict[str, dict[str, list[str]]] = {}
        for lang, counts in self.word_counts.items():
            folded = self._folded.setdefault(lang, {})
            for word in counts:
                key = fold(word)
                if key != word:
                    folded.setdefault(key, []).append(word)
        self._term_phrases = self._phrases(
            (text, term.language, (term.code, term.taxonomy))
            for term in self.terms
            for text in (*name_variants(term.name), *term.synonyms)
        )
        self._term_words = self._index_term_words()
        self._situations = self._phrases((s.phrase, s.language, s) for s in situations)
        norwegian = set()
        for lang in NORWEGIAN:
            norwegian |= {
                w
                for w in self.word_counts.get(lang, {})
                if len(w) >= MIN_PART_LENGTH and not is_stopword(w, lang)
            }
        self._parts = norwegian | {stem(w, "nb") for w in norwegian}
        self._splits: dict[str, list[str] | None] = {}
        self._corrections: dict[tuple[str, str], str | None] = {}
        self._names: dict[tuple[str, str], dict[str, tuple[str, str]]] = {}
        self._codes: dict[str, frozenset[str]] = {}
        self._phrase_indexes: dict[int, dict] = {}

    @staticmethod
    def _phrases(entries):
        by_language: dict[str, list[_Phrase]] = {}
        for text, language, payload in entries:
            key = tuple(stem(w, language) for w in words(text, language))
            if key:
                by_language.setdefault(language, []).append(
                    _Phrase(key, language, payload)
                )
        for phrases in by_language.values():
            phrases.sort(key=lambda p: -len(p.key))
        return by_language

    def _index_term_words(self):
        """Single content words of term names in each language -> {code: how
        much of the name the word is}, for one-word queries in languages the
        documents are not written in: "przemoc" is half of "Przemoc domowa"
        (domestic violence) and a quarter of "Przemoc wobec osób starszych"."""
        index: dict[str, dict[str, dict[str, float]]] = {}
        for term in self.terms:
            for text in (*name_variants(term.name), *term.synonyms):
                content = [
                    w
                    for w in words(text, term.language)
                    if len(w) >= 4 and not is_stopword(w, term.language)
                ]
                for word in content:
                    key = stem(word, term.language)
                    codes = index.setdefault(term.language, {}).setdefault(key, {})
                    share = 1.0 / len(content)
                    codes[term.code] = max(codes.get(term.code, 0.0), share)
        return index

    # The taxonomy as the search page and the API show it ----------------------

    def term_names(self, language: str, fallback: str) -> dict[str, tuple[str, str]]:
        """Every term by code: (taxonomy, name in `language`, or in `fallback`
        where it has no name in `language`). Worked out once per vocabulary,
        that is once per index generation, and shared by every request."""
        key = (language, fallback)
        found = self._names.get(key)
        if found is None:
            found = {}
            for wanted in (fallback, language):
                for term in self.terms:
                    if term.language == wanted:
                        found[term.code] = (term.taxonomy, term.name)
            self._names[key] = found
        return found

    def codes(self, taxonomy: str) -> frozenset[str]:
        """The codes of a taxonomy's terms, in any language."""
        found = self._codes.get(taxonomy)
        if found is None:
            found = frozenset(t.code for t in self.terms if t.taxonomy == taxonomy)
            self._codes[taxonomy] = found
        return found

    # Lookups ----------------------------------------------------------------

    def knows(self, word: str, languages: Iterable[str]) -> bool:
        return any(
            word in self.word_counts.get(lang, {})
            or stem(word, lang) in self._stems.get(lang, ())
            for lang in languages
        )

    def frequency(self, word: str, languages: Iterable[str]) -> int:
        return sum(self.word_counts.get(lang, {}).get(word, 0) for lang in languages)

    def is_part(self, text: str) -> bool:
        return text in self._parts or stem(text, "nb") in self._parts

    def is_head(self, text: str) -> bool:
        return text in self._parts

    def compound_parts(self, word: str) -> list[str]:
        """Known parts of a Norwegian compound, or [] if it is none."""
        if len(word) < 2 * MIN_PART_LENGTH:
            return []
        if word not in self._splits:
            _forget_when_full(self._splits)
            self._splits[word] = split_compound(
                word, self.is_part, is_head=self.is_head
            )
        return self._splits[word] or []

    def folded_matches(self, word: str, languages: Iterable[str]) -> list[str]:
        key = fold(word)
        found: list[str] = []
        for lang in languages:
            found.extend(self._folded.get(lang, {}).get(key, ()))
        return found

    def correct(self, word: str, languages: tuple[str, ...]) -> str | None:
        """The indexed word a typo most likely meant, or None. One edit for words
        of 5-7 letters, two from 8; shorter words are never corrected."""
        if len(word) < 5 or word.isdigit():
            return None
        cache_key = (word, ",".join(languages))
        if cache_key in self._corrections:
            return self._corrections[cache_key]
        limit = 1 if len(word) < 8 else 2
        best = None
        for lang in languages:
            choices = [
                w
                for w in self.word_counts.get(lang, {})
                if abs(len(w) - len(word)) <= limit
            ]
            for candidate, distance, _ in process.extract(
                word,
                choices,
                scorer=Levenshtein.distance,
                score_cutoff=limit,
                limit=5,
            ):
                rank = (distance, -self.word_counts[lang][candidate])
                if best is None or rank < best[0]:
                    best = (rank, candidate)
        result = best[1] if best else None
        _forget_when_full(self._corrections)
        self._corrections[cache_key] = result
        return result

    def _phrase_index(self, table):
        """{language: ({stems: [(position in the table, phrase)]}, longest key)}
        for a phrase table, made once per vocabulary."""
        kept = self._phrase_indexes.get(id(table))
        if kept is not None and kept[0] is table:
            return kept[1]
        index = {}
        for lang, phrases in table.items():
            by_key: dict[tuple, list] = {}
            for order, phrase in enumerate(phrases):
                by_key.setdefault(phrase.key, []).append((order, phrase))
            index[lang] = (by_key, max((len(p.key) for p in phrases), default=0))
        self._phrase_indexes[id(table)] = (table, index)
        return index

    def match_phrases(self, table, query_words, languages, taken=frozenset()):
        """Longest-first, non-overlapping phrase matches over the query words: the
        table's phrases in the languages' order, each longest first, as if every
        phrase were tried at every position; only those whose words occur in the
        query are tried (looked up by their stems)."""
        matches = []
        used = set(taken)
        stems_by_lang = {
            lang: [stem(w, lang) for w in query_words] for lang in languages
        }
        index = self._phrase_index(table)
        found = {}
        for lang_order, lang in enumerate(languages):
            if lang not in index:
                continue
            by_key, longest = index[lang]
            stems = stems_by_lang[lang]
            for start in range(len(stems)):
                for end in range(start + 1, min(start + longest, len(stems)) + 1):
                    for order, phrase in by_key.get(tuple(stems[start:end]), ()):
                        found[(-len(phrase.key), lang_order, order)] = phrase
        for sort_key in sorted(found):
            phrase = found[sort_key]
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


# --- Documents --------------------------------------------------------------------


def analyse_text(text: str, language: str, vocabulary: Vocabulary) -> list[str]:
    """Index tokens of a text: stems of content words, plus the stems of the parts
    of Norwegian compounds."""
    tokens: list[str] = []
    for word in words(text, language):
        if is_stopword(word, language):
            continue
        tokens.append(stem(word, language))
        if language in NORWEGIAN:
            parts = vocabulary.compound_parts(word)
            spelt = bokmal(word)
            if spelt != word:
                tokens.append(stem(spelt, language))
                parts = parts or vocabulary.compound_parts(spelt)
            tokens.extend(stem(part, language) for part in parts)
    return tokens


def analyse_document(document, vocabulary: Vocabulary) -> None:
    """Fill a SearchDocument's token fields and lexicon words from its text."""
    language = document.language
    document.title_tokens = " ".join(
        analyse_text(
            f"{document.title} {document.alternate_name}", language, vocabulary
        )
    )
    document.text_tokens = " ".join(
        analyse_text(
            f"{document.summary} {document.body} {document.organisation}",
            language,
            vocabulary,
        )
    )
    codes = [*document.categories, *document.audiences, *document.features]
    document.term_tokens = " ".join(
        [
            *analyse_text(document.term_names, language, vocabulary),
            *(code_token(code) for code in codes),
        ]
    )
    document.words = " ".join(sorted(set(document_words(document))))


def document_words(document) -> list[str]:
    """The surface words a document adds to the vocabulary."""
    text = " ".join(
        [
            document.title,
            document.alternate_name,
            document.summary,
            document.body,
            document.organisation,
            document.term_names,
        ]
    )
    return [w for w in words(text, document.language) if not w.isdigit()]


# --- Queries ----------------------------------------------------------------------


def analyse_query(text: str, language: str, vocabulary: Vocabulary) -> AnalysedQuery:
    """Understand a query: situations first, then term names and synonyms, then
    each remaining word with its stems, compound parts, typo correction and
    spelling without æøå."""
    query_words = words(text, language, limit=MAX_QUERY_WORDS)
    result = AnalysedQuery(text=text, language=language, words=query_words)
    scope = tuple(scope_languages(language))
    phrase_languages = tuple(dict.fromkeys([language, SOURCE_LANGUAGE, "nn", "en"]))

    # 1. Situations ("han slår meg"): who does what, in the reader's words.
    taken: set[int] = set()
    for phrase, start, end in vocabulary.match_phrases(
        vocabulary._situations, query_words, phrase_languages
    ):
        situation = phrase.payload
        result.situations.append(
            SituationMatch(
                phrase=situation.phrase,
                language=situation.language,
                categories=list(situation.categories),
                audiences=list(situation.audiences),
                start=start,
                end=end,
            )
        )
        taken.update(range(start, end))
    result.situations.sort(key=lambda s: s.start)

    # 2. Term names and synonyms as phrases, in any of the phrase languages.
    possessive = {
        i
        for i, word in enumerate(query_words)
        if any(word in POSSESSIVES.get(lang, ()) for lang in phrase_languages)
    }
    in_phrases: set[int] = set()
    word_codes: dict[int, set[str]] = {}
    for phrase, start, end in vocabulary.match_phrases(
        vocabulary._term_phrases, query_words, phrase_languages, taken
    ):
        code, taxonomy = phrase.payload
        in_phrases.update(range(start, end))
        near = {start - 1, end}
        if taxonomy == "audience" and near & possessive:
            continue  # "mannen min": a relation, not the audience "men"
        result.codes[code] = max(result.codes.get(code, 0), 1.0)
        for i in range(start, end):
            word_codes.setdefault(i, set()).add(code)

    # 3. Single words of term names in languages the documents are not in.
    if language not in NORWEGIAN:
        for i, word in enumerate(query_words):
            if i in taken or i in in_phrases or len(word) < 4:
                continue
            if is_stopword(word, language):
                continue
            codes = vocabulary._term_words.get(language, {}).get(stem(word, language))
            if codes and not (i - 1 in possessive or i + 1 in possessive):
                # A word of the portal's own topic ("przemoc", "smurtas":
                # violence) means violence in close relationships, not every
                # term whose name mentions violence. Otherwise the terms the word
                # names most fully share the full weight.
                if PORTAL_TOPIC in codes:
                    codes = {PORTAL_TOPIC: 1.0}
                best = max(codes.values())
                leaders = sum(1 for share in codes.values() if share == best)
                for code, share in codes.items():
                    weight = share / best / leaders
                    result.codes[code] = max(result.codes.get(code, 0), weight)
                word_codes.setdefault(i, set()).update(codes)

    # 4. The words themselves.
    for i, word in enumerate(query_words):
        if i in taken or any(is_stopword(word, lang) for lang in scope):
            continue
        group, parts = _alternatives(word, language, scope, vocabulary, result)
        if not group:
            continue
        result.groups.append([*group, *(p for p in parts if p not in group)])
        clause = [(token,) for token in group]
        if len(parts) > 1:
            clause.append(tuple(dict.fromkeys(parts)))
        clause += [(code_token(code),) for code in sorted(word_codes.get(i, ()))]
        result.clauses.append(clause)
    return result


def _alternatives(word, language, scope, vocabulary, result):
    """A word's own alternatives (stems, spelling, typo correction) and, for a
    Norwegian compound, the stems of its parts."""
    group: dict[str, None] = {}
    for lang in scope:
        group[stem(word, lang)] = None
    known = vocabulary.knows(word, scope)
    spelt = bokmal(word) if language in NORWEGIAN else word
    if spelt != word:
        # Nynorsk typed, bokmål indexed (and the other way round: documents
        # index both spellings).
        for lang in scope:
            group[stem(spelt, lang)] = None
        known = known or vocabulary.knows(spelt, scope)
    if not known:
        for match in vocabulary.folded_matches(word, scope):
            for lang in scope:
                group[stem(match, lang)] = None
            known = True
    if not known:
        correction = vocabulary.correct(word, scope)
        if correction:
            result.corrections[word] = correction
            word = correction
            for lang in scope:
                group[stem(correction, lang)] = None
    parts = []
    if any(lang in NORWEGIAN for lang in scope):
        found = vocabulary.compound_parts(word) or vocabulary.compound_parts(spelt)
        parts = [stem(part, "nb") for part in found]
    return list(group), parts
