"""Differences between two wordings: word by word, and character by character for CJK scripts.

Chinese and Japanese do not separate words with spaces and Korean attaches particles to words,
so a Han, kana or Hangul character is its own token; Latin and Cyrillic text is split into
words, spaces and punctuation marks.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

# CJK first: \w would otherwise swallow a whole run of Han characters as one "word".
TOKEN = re.compile(
    r"[\u1100-\u11ff\u3000-\u303f\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    r"\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]"
    r"|\w+|\s+|[^\w\s]"
)


@dataclass(frozen=True)
class Segment:
    """A run of text that both wordings share ('equal'), or only the old ('delete') or new ('insert')."""

    kind: str
    text: str


def tokenize(text: str) -> list[str]:
    """Words, spaces and punctuation marks; every CJK character on its own."""
    return TOKEN.findall(text)


def diff(old: str, new: str) -> list[Segment]:
    """The segments that turn ``old`` into ``new``, adjacent segments of one kind merged."""
    a, b = tokenize(old), tokenize(new)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            _append(segments, "equal", "".join(a[i1:i2]))
            continue
        if op in ("delete", "replace"):
            _append(segments, "delete", "".join(a[i1:i2]))
        if op in ("insert", "replace"):
            _append(segments, "insert", "".join(b[j1:j2]))
    return segments


def _append(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))
