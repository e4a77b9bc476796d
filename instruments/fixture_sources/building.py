"""Builds fixtures/40_instruments_<slug>.json from instruments/fixture_sources/<slug>/.

The sources keep what the record says in the shape it says it: ``structure.toml`` holds the
order of headings and articles, the amendments and the notes ("2016.9.27 修订") of each
provision; one text file per language holds the wording. From the notes this module derives
every version of every article: a provision created on a day is absent before it; a provision
amended on a day has its earlier wording "not held" unless the source gives a reconstruction.
Nothing here invents wording: a version's text comes from the language files only.

Language files, one line per item, the first words saying what the line is:
    T title · S short title · SRC source of the text
    H <heading key> <heading>
    A <article key> <title>
    P <article key> <number or -> <wording>[ ‖ <note as printed, Chinese only>]
    X <article key> <number or -> <YYYY-MM-DD> <reconstructed wording in force from that day>
    R <article key> <number or -> <YYYY-MM-DD> <editorial remark on the state from that day>
    M <YYYY-MM-DD> session|summary|source <text about the amendment of that day>
"""

import datetime
import json
import tomllib
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from instruments.fixture_sources.notes import format_note

SOURCES = Path(__file__).resolve().parent
# (language code, field suffix), in the order of settings.LANGUAGES; Chinese is the source.
LANGUAGES = [("en", "en"), ("mn", "mn"), ("zh-hans", "zh_hans"), ("ko", "ko"), ("ja", "ja"), ("ru", "ru")]
SOURCE = "zh_hans"
NOTE_MARK = " ‖ "


class SourceError(ValueError):
    """The sources contradict themselves (a missing translation, a note without an event...)."""


@dataclass
class LanguageText:
    """What one language file says."""

    meta: dict[str, str] = field(default_factory=dict)
    headings: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    provisions: "OrderedDict[tuple[str, str], str]" = field(default_factory=OrderedDict)
    notes: dict[tuple[str, str], str] = field(default_factory=dict)
    reconstructed: dict[tuple[str, str, datetime.date], str] = field(default_factory=dict)
    remarks: dict[tuple[str, str, datetime.date], str] = field(default_factory=dict)
    amendments: dict[tuple[datetime.date, str], str] = field(default_factory=dict)


def parse_language(path: Path) -> LanguageText:
    text = LanguageText()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, _sep, rest = line.partition(" ")
        try:
            _parse_line(text, kind, rest)
        except (ValueError, IndexError) as error:
            raise SourceError(f"{path.name}:{n}: {error}") from None
    return text


def _parse_line(text: LanguageText, kind: str, rest: str) -> None:
    if kind in ("T", "S", "SRC"):
        text.meta[kind] = rest.strip()
    elif kind == "H":
        key, _sep, value = rest.partition(" ")
        text.headings[key] = value.strip()
    elif kind == "A":
        key, _sep, value = rest.partition(" ")
        text.titles[key] = value.strip()
    elif kind == "P":
        key, number, value = rest.split(" ", 2)
        wording, _sep, note = value.partition(NOTE_MARK)
        text.provisions[(key, _number(number))] = wording.strip()
        if note:
            text.notes[(key, _number(number))] = note.strip()
    elif kind in ("X", "R"):
        key, number, day, value = rest.split(" ", 3)
        target = text.reconstructed if kind == "X" else text.remarks
        target[(key, _number(number), datetime.date.fromisoformat(day))] = value.strip()
    elif kind == "M":
        day, name, value = rest.split(" ", 2)
        text.amendments[(datetime.date.fromisoformat(day), name)] = value.strip()
    else:
        raise ValueError(f"unknown line kind {kind!r}")


def _number(token: str) -> str:
    return "" if token == "-" else token


@dataclass(frozen=True)
class Event:
    """A note of the text: on ``day`` the provision was created, amended, renamed, merged or deleted."""

    day: datetime.date
    kind: str
    shown: str = ""  # the date as the note prints it, when it is not ``day`` (e.g. "1998-09")


def build(slug: str) -> list[dict]:
    """The fixture rows of instrument ``slug``."""
    folder = SOURCES / slug
    structure = tomllib.loads((folder / "structure.toml").read_text(encoding="utf-8"))
    texts = {suffix: parse_language(folder / f"{suffix}.txt") for _code, suffix in LANGUAGES}
    _check_languages(texts)
    return InstrumentBuilder(structure, texts).rows()


def _check_languages(texts: dict[str, LanguageText]) -> None:
    source = texts[SOURCE]
    for suffix, text in texts.items():
        for name in ("headings", "titles", "provisions", "reconstructed", "remarks", "amendments"):
            missing = set(getattr(source, name)) ^ set(getattr(text, name))
            if missing:
                raise SourceError(f"{suffix}: {name} differ from the Chinese text: {sorted(missing, key=str)}")
        if set(text.meta) != set(source.meta):
            raise SourceError(f"{suffix}: title lines differ from the Chinese text")


class InstrumentBuilder:
    """Derives headings, articles, amendments, versions and paragraphs of one instrument."""

    def __init__(self, structure: dict, texts: dict[str, LanguageText]):
        self.s = structure
        self.texts = texts
        self.pk = structure["pk"]
        self.events = {
            key: [Event(e[0], e[1], e[2] if len(e) > 2 else "") for e in events]
            for key, events in structure.get("events", {}).items()
        }
        self.amendments = {a["effective_on"]: (self.pk * 100 + i, a) for i, a in enumerate(structure["amendments"], 1)}
        adoption = [day for day, (_pk, a) in self.amendments.items() if a.get("kind") == "adoption"]
        if len(adoption) != 1:
            raise SourceError("exactly one amendment must be the adoption")
        self.origin = adoption[0]
        source_keys = {f"{k}/{n or '-'}" for k, n in texts[SOURCE].provisions}
        unknown = set(self.events) - source_keys
        if unknown:
            raise SourceError(f"events for provisions the text does not have: {sorted(unknown)}")

    def localized(self, name: str, values: dict[str, str]) -> dict[str, str]:
        """``name`` (English, as modeltranslation keeps it) and ``name_<lang>`` for every language."""
        return {name: values["en"]} | {f"{name}_{suffix}": values[suffix] for _code, suffix in LANGUAGES}

    def each(self, getter) -> dict[str, str]:
        return {suffix: getter(text) for suffix, text in self.texts.items()}

    def rows(self) -> list[dict]:
        s = self.s
        rows = [
            {
                "model": "instruments.instrument",
                "pk": self.pk,
                "fields": {
                    "slug": s["slug"],
                    "kind": s["kind"],
                    "source_language": "zh-hans",
                    "official_languages": [],
                    "position": s["position"],
                    **self.localized("title", self.each(lambda t: t.meta["T"])),
                    **self.localized("short_title", self.each(lambda t: t.meta["S"])),
                    **self.localized("source", self.each(lambda t: t.meta["SRC"])),
                },
            }
        ]
        rows += [self.amendment_row(day) for day in sorted(self.amendments)]
        for index, part in enumerate(s["parts"], start=1):
            position = index * 10
            if "heading" in part:
                rows.append(self.heading_row(index, part, position))
            else:
                rows += self.article_rows(index, part, position)
        return rows

    def amendment_row(self, day: datetime.date) -> dict:
        pk, a = self.amendments[day]
        source = self.each(lambda t: t.amendments.get((day, "source")) or t.meta["SRC"])
        return {
            "model": "instruments.amendment",
            "pk": pk,
            "fields": {
                "instrument": self.pk,
                "kind": a.get("kind", "amendment"),
                "effective_on": day.isoformat(),
                "adopted_on": a["adopted_on"].isoformat() if "adopted_on" in a else None,
                "body": a.get("body", ""),
                "scope_recorded": a.get("scope_recorded", True),
                **self.localized("session", self.each(lambda t: t.amendments.get((day, "session"), ""))),
                **self.localized("summary", self.each(lambda t: t.amendments.get((day, "summary"), ""))),
                **self.localized("source", source),
            },
        }

    def heading_row(self, index: int, part: dict, position: int) -> dict:
        key = part["heading"]
        return {
            "model": "instruments.heading",
            "pk": self.pk * 1000 + index,
            "fields": {
                "instrument": self.pk,
                "key": key,
                "level": part["level"],
                "position": position,
                **self.localized("title", self.each(lambda t: t.headings[key])),
            },
        }

    def article_rows(self, index: int, part: dict, position: int) -> list[dict]:
        key = part["article"]
        kind = part.get("kind", "article")
        article_pk = self.pk * 1000 + index
        rows = [
            {
                "model": "instruments.article",
                "pk": article_pk,
                "fields": {
                    "instrument": self.pk,
                    "kind": kind,
                    "number": key.removeprefix("art-") if kind == "article" else "",
                    "key": key,
                    "position": position,
                },
            }
        ]
        numbers = [n for k, n in self.texts[SOURCE].provisions if k == key]
        if not numbers:
            raise SourceError(f"{key} has no provision in the Chinese text")
        since = part.get("since", self.origin)
        days = {since} | {e.day for n in numbers for e in self.events_of(key, n)}
        days |= {day for (k, _n, day) in self.texts[SOURCE].reconstructed if k == key}
        for v, day in enumerate(sorted(days), start=1):
            if day < since or day not in self.amendments:
                raise SourceError(f"{key}: a version on {day} has no amendment of that day")
            version_pk = article_pk * 100 + v
            rows.append(
                {
                    "model": "instruments.articleversion",
                    "pk": version_pk,
                    "fields": {
                        "article": article_pk,
                        "amendment": self.amendments[day][0],
                        "valid_from": day.isoformat(),
                        "status": "in_force",
                        **self.localized("title", self.each(lambda t: t.titles[key])),
                    },
                }
            )
            states = [state for n in numbers if (state := self.state(key, n, day, since))]
            for position_in_version, state in enumerate(states, start=1):
                rows.append(
                    {
                        "model": "instruments.paragraph",
                        "pk": version_pk * 100 + position_in_version,
                        "fields": {"version": version_pk, "position": position_in_version} | state,
                    }
                )
        return rows

    def events_of(self, key: str, number: str) -> list[Event]:
        return self.events.get(f"{key}/{number or '-'}", [])

    def state(self, key: str, number: str, day: datetime.date, since: datetime.date) -> dict | None:
        """How provision ``key``/``number`` stands on ``day``: None while it does not exist yet."""
        events = self.events_of(key, number)
        if events and events[0].kind == "new" and events[0].day > day:
            return None
        past = [e for e in events if e.day <= day]
        start = past[-1].day if past else since
        remark = self.each(lambda t: t.remarks.get((key, number, start), ""))
        if not any(e.day > day for e in events):
            status, text = "text", self.each(lambda t: t.provisions[(key, number)])
            note = self.each(lambda t: self.note(t, key, number, past))
        elif (key, number, start) in self.texts[SOURCE].reconstructed:
            status, text = "reconstructed", self.each(lambda t: t.reconstructed[(key, number, start)])
            note = {suffix: format_note(suffix, self.s["note_style"], past) for _c, suffix in LANGUAGES}
        else:
            status = "not_held"
            text = note = {suffix: "" for _c, suffix in LANGUAGES}
        fields = {"number": number, "status": status}
        return fields | self.localized("text", text) | self.localized("note", note) | self.localized("remark", remark)

    def note(self, text: LanguageText, key: str, number: str, events: list[Event]) -> str:
        """The note of the present wording: Chinese as the record prints it, others generated."""
        verbatim = text.notes.get((key, number))
        if text is self.texts[SOURCE]:
            if bool(verbatim) != bool(events):
                raise SourceError(f"{key}/{number or '-'}: the Chinese note and the events disagree")
            return verbatim or ""
        suffix = next(s for s, t in self.texts.items() if t is text)
        return format_note(suffix, self.s["note_style"], events)


def write(slug: str, directory: Path) -> Path:
    """Write ``40_instruments_<slug>.json`` into ``directory``; returns its path."""
    path = directory / f"40_instruments_{slug.replace('-', '_')}.json"
    path.write_text(json.dumps(build(slug), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return path


def slugs() -> list[str]:
    return sorted(p.name for p in SOURCES.iterdir() if (p / "structure.toml").exists())
