"""What a visitor typed, read as search terms, and the text search query PostgreSQL runs for them.

The portal's text is in six languages at once. English, Mongolian and Russian separate their
words with spaces; Chinese and Japanese do not, and Korean attaches its particles to the word
(경상북도의). So a query is read in two parts:

- *words* of the alphabetic scripts: each one matches a word of the record that starts with it
  (``'tov':*`` in the 'simple' configuration, which every language can use, Mongolian
  included), or the same word stemmed by PostgreSQL's English or Russian dictionary;
- *runs* of Chinese, Japanese or Korean characters: each run is cut into overlapping pairs of
  characters (防灾 -> 防灾; 경상북도 -> 경상 상북 북도) that must all be in the record, whose
  text the SQL function ``near_cjk_bigrams`` (search/migrations/0001) cuts into pairs the same
  way. All the pairs, not the pairs in order: the index holds no positions, and checking the
  order would read every row found again; a record holding 경상 상북 북도 apart and not
  경상북도 is rare enough. Pairs, not trigrams: the words of these languages are often two
  characters long (鳥取, 防灾), shorter than one trigram.

Every term must match (AND). Words are split on anything that is not a letter or a digit, so
what reaches ``to_tsquery`` holds no quote and no operator.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from core.params import BadParameter

# Chinese, Japanese and Korean letters: Han (with extension A and compatibility ideographs),
# kana (with the prolonged sound mark and half-width forms), Hangul syllables and jamo. The SQL
# function near_cjk_bigrams uses the same class (search/migrations/0001_search_functions.py).
CJK_CLASS = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
CJK_RUN = re.compile(f"[{CJK_CLASS}]+")
# A word of the other scripts: letters and digits (the underscore of \w is a separator).
WORD = re.compile(r"[^\W_]+")

MIN_LENGTH = 2  # characters, spaces left out: one letter finds everything and means nothing
MAX_LENGTH = 100  # characters: a query, not a paragraph pasted in
MAX_TERMS = 10  # words and runs together; each one is a part of the tsquery


def bigrams(run: str) -> list[str]:
    """防灾委员会 -> [防灾, 灾委, 委员, 员会]; a single character stays as it is."""
    if len(run) < 2:
        return [run]
    return [run[i : i + 2] for i in range(len(run) - 1)]


@dataclass(frozen=True)
class Terms:
    """The words and CJK runs of a query, and the stems PostgreSQL gives the words (for highlighting)."""

    words: tuple[str, ...]
    runs: tuple[str, ...]
    stems: tuple[str, ...] = field(default=())

    @property
    def empty(self) -> bool:
        return not (self.words or self.runs)

    def query(self) -> SearchQuery:
        """The tsquery: every word (a prefix, or its English or Russian stem) and every run's pairs in order."""
        parts = [
            SearchQuery(f"'{word}':*", search_type="raw", config="simple")
            | SearchQuery(word, config="english")
            | SearchQuery(word, config="russian")
            for word in self.words
        ]
        # Every pair of each run, in any order: a phrase (<->) would make PostgreSQL read each row
        # found again to check the positions, which the index does not hold.
        parts += [
            SearchQuery(" & ".join(f"'{pair}'" for pair in bigrams(run)), search_type="raw", config="simple")
            for run in self.runs
        ]
        combined = parts[0]
        for part in parts[1:]:
            combined &= part
        return combined

    def exact_query(self) -> SearchQuery | None:
        """Any word as a whole word: ranks 'Төв' before 'Төвийн', NEAR/GA/12/RES/1 before NEAR/GA/12/RES/12."""
        if not self.words:
            return None
        parts = [SearchQuery(f"'{word}'", search_type="raw", config="simple") for word in self.words]
        combined = parts[0]
        for part in parts[1:]:
            combined |= part
        return combined

    def with_stems(self, stems) -> "Terms":
        return Terms(self.words, self.runs, tuple(sorted(set(stems) - set(self.words))))

    def highlight(self, text: str, *, width: int = 240) -> SafeString:
        """``text`` escaped, its matches in <mark>, cut to about ``width`` characters around the first match."""
        spans = self.spans(text)
        start, end = 0, len(text)
        if len(text) > width:
            first = spans[0][0] if spans else 0
            start = max(0, min(first - width // 3, len(text) - width))
            end = start + width
        pieces, cursor = [], start
        if start > 0:
            pieces.append("… ")
        for span_start, span_end in spans:
            if span_end <= start or span_start >= end:
                continue
            span_start, span_end = max(span_start, start), min(span_end, end)
            pieces.append(escape(text[cursor:span_start]))
            pieces.append(f"<mark>{escape(text[span_start:span_end])}</mark>")
            cursor = span_end
        pieces.append(escape(text[cursor:end]))
        if end < len(text):
            pieces.append(" …")
        return mark_safe("".join(pieces))  # noqa: S308 - every piece of the text went through escape()

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the terms occur in ``text``: runs anywhere, words and stems at the start of a word; merged."""
        found = []
        for run in self.runs:
            found += [(m.start(), m.end()) for m in re.finditer(re.escape(run), text)]
        prefixes = sorted({*self.words, *self.stems}, key=len, reverse=True)
        if prefixes:
            # A word from its start to its end, which is where a CJK character begins (NEAR秘书处).
            alternatives = "|".join(map(re.escape, prefixes))
            pattern = re.compile(rf"(?<![^\W_])(?:{alternatives})(?:(?![{CJK_CLASS}])[^\W_])*", re.IGNORECASE)
            found += [(match.start(), match.end()) for match in pattern.finditer(text)]
        merged = []
        for span in sorted(found):
            if merged and span[0] <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
            else:
                merged.append(span)
        return merged

    def matches(self, text: str) -> bool:
        return bool(text) and bool(self.spans(text))


def read_terms(value: str) -> Terms:
    """The terms of ``?q=``; BadParameter when it is too long. Empty or too short: ``Terms`` with none."""
    value = value.strip()
    if len(value) > MAX_LENGTH:
        raise BadParameter(_("The search is too long: at most %(limit)s characters, please.") % {"limit": MAX_LENGTH})
    if len("".join(value.split())) < MIN_LENGTH:
        return Terms((), ())
    runs = tuple(dict.fromkeys(CJK_RUN.findall(value)))
    words = tuple(dict.fromkeys(word.lower() for word in WORD.findall(CJK_RUN.sub(" ", value))))
    if len(runs) + len(words) > MAX_TERMS:
        raise BadParameter(_("The search has too many words: at most %(limit)s, please.") % {"limit": MAX_TERMS})
    return Terms(words, runs)
