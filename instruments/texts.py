"""Reading an instrument: its text as in force on a day, its amendments, and one article's history.

Each reader fetches what it shows in a fixed number of queries; the views and the PDF only render
what these return.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import formats

from core.languages import other_language_fields
from instruments.diffing import Segment, diff
from instruments.models import Amendment, Article, ArticleVersion, Heading, Instrument, Paragraph


@dataclass
class Provision:
    """A paragraph or item as shown: its wording, or why the wording is missing."""

    number: str
    anchor: str
    status: str
    text: str
    note: str
    remark: str
    # For wording not held: the first day from which the record gives this provision's wording.
    held_from: datetime.date | None = None

    @property
    def depth(self) -> int:
        return self.number.count(".")

    @property
    def citation(self) -> str:
        return citation(self.number)

    @property
    def is_held(self) -> bool:
        return self.status != Paragraph.Status.NOT_HELD


def citation(number: str) -> str:
    """How a provision number is cited: '2' → '2', '2.1' → '2(1)', '2.2.3' → '2(2)3'."""
    first, *rest = number.split(".")
    return first + "".join(f"({part})" if i == 0 else part for i, part in enumerate(rest))


@dataclass
class ArticleText:
    """An article as one of its versions words it."""

    article: Article
    version: ArticleVersion
    provisions: list[Provision]

    @property
    def anchor(self) -> str:
        return self.article.key

    @property
    def has_gaps(self) -> bool:
        return any(not p.is_held for p in self.provisions)


@dataclass
class Entry:
    """One line of the table of contents: a heading, or an article under it."""

    heading: Heading | None = None
    article: ArticleText | None = None


@dataclass
class InstrumentText:
    """An instrument as in force on ``on``."""

    instrument: Instrument
    on: datetime.date
    adoption: Amendment | None
    amendments: list[Amendment]  # every amendment, in force or not yet
    entries: list[Entry] = field(default_factory=list)

    @property
    def adopted(self) -> bool:
        return self.adoption is not None and self.adoption.effective_on <= self.on

    @property
    def in_force(self) -> list[Amendment]:
        return [a for a in self.amendments if a.effective_on <= self.on]

    @property
    def last_change(self) -> Amendment | None:
        return self.in_force[-1] if self.in_force else None

    @property
    def unrecorded_later(self) -> list[Amendment]:
        """Later amendments whose scope the record does not give: provisions without a note may
        have read differently on ``on``."""
        return [a for a in self.amendments if a.effective_on > self.on and not a.scope_recorded]

    @property
    def unrecorded_dates(self) -> str:
        """The days of ``unrecorded_later``, listed in the active language's date format."""
        return ", ".join(formats.date_format(a.effective_on, "DATE_FORMAT") for a in self.unrecorded_later)

    @property
    def heading_depth(self) -> int:
        """How many levels of headings (chapter, section) stand above the articles."""
        return max((e.heading.level for e in self.entries if e.heading), default=0)

    @property
    def articles(self) -> list[ArticleText]:
        return [e.article for e in self.entries if e.article]

    @property
    def has_gaps(self) -> bool:
        return any(a.has_gaps for a in self.articles)


def provisions(version: ArticleVersion) -> list[Provision]:
    """The paragraphs of ``version`` (prefetched with ``wording_held_from``) ready to show."""
    key = version.article.key
    return [
        Provision(
            number=p.number,
            anchor=f"{key}-p{p.number.replace('.', '-')}" if p.number else "",
            status=p.status,
            text=p.text or "",
            note=p.note or "",
            remark=p.remark or "",
            held_from=getattr(p, "wording_held_from", None) if p.status == Paragraph.Status.NOT_HELD else None,
        )
        for p in version.paragraphs.all()
    ]


def paragraphs_prefetch() -> Prefetch:
    """The paragraphs in order, in the active language (and its fallbacks) only: the other five
    languages' wording is most of the rows and is never shown."""
    paragraphs = Paragraph.objects.with_wording_held_from().defer(*other_language_fields("text", "note", "remark"))
    return Prefetch("paragraphs", queryset=paragraphs.order_by("position"))


def instrument_as_of(instrument: Instrument, *, on: datetime.date) -> InstrumentText:
    """The text of ``instrument`` in force on ``on``, in four queries.

    Articles not yet created and repealed ones are absent; headings with no article in force
    under them are left out.
    """
    amendments = list(instrument.amendments.order_by("effective_on"))
    adoption = next((a for a in amendments if a.kind == Amendment.Kind.ADOPTION), None)
    text = InstrumentText(instrument=instrument, on=on, adoption=adoption, amendments=amendments)
    versions = (
        ArticleVersion.objects.in_force(on=on)
        .filter(article__instrument=instrument)
        .select_related("article")
        .prefetch_related(paragraphs_prefetch())
    )
    items = [(v.article.position, Entry(article=ArticleText(v.article, v, provisions(v)))) for v in versions]
    items += [(h.position, Entry(heading=h)) for h in instrument.headings.all()]
    items.sort(key=lambda item: item[0])
    text.entries = _without_empty_headings([entry for _position, entry in items])
    return text


def _without_empty_headings(entries: list[Entry]) -> list[Entry]:
    """Drop headings followed by no article before the next heading of the same or a higher level."""
    kept: list[Entry] = []
    for i, entry in enumerate(entries):
        if entry.heading is None:
            kept.append(entry)
            continue
        for following in entries[i + 1 :]:
            if following.article is not None:
                kept.append(entry)
                break
            if following.heading.level <= entry.heading.level:
                break
    return kept


@dataclass
class AmendmentEntry:
    """An amendment on the timeline, with the articles it touched."""

    amendment: Amendment
    versions: list[ArticleVersion]


def instrument_history(instrument: Instrument) -> list[AmendmentEntry]:
    """Every amendment of ``instrument``, oldest first, with the article versions it made (two queries)."""
    amendments = instrument.amendments.order_by("effective_on").prefetch_related(
        Prefetch("versions", queryset=ArticleVersion.objects.select_related("article").order_by("article__position"))
    )
    return [AmendmentEntry(a, list(a.versions.all())) for a in amendments]


@dataclass
class ProvisionChange:
    """How one provision reads in a version compared with the version before."""

    number: str
    kind: str  # 'added', 'removed', 'changed', 'unchanged', 'not_held'
    segments: list[Segment]
    new: Provision | None
    old: Provision | None

    @property
    def citation(self) -> str:
        return citation(self.number)


@dataclass
class VersionEntry:
    """One version of an article, with when it ended and what it changed."""

    version: ArticleVersion
    valid_until: datetime.date | None
    provisions: list[Provision]
    changes: list[ProvisionChange]

    @property
    def last_day(self) -> datetime.date | None:
        """The last day this version was in force: the day before the next one began."""
        return self.valid_until - datetime.timedelta(days=1) if self.valid_until else None

    @property
    def article(self) -> Article:
        return self.version.article

    @property
    def anchor(self) -> str:
        return self.version.article.key

    @property
    def changed(self) -> list[ProvisionChange]:
        return [c for c in self.changes if c.kind != "unchanged"]


def article_history(article: Article) -> list[VersionEntry]:
    """The versions of ``article``, oldest first, each compared with the one before (two queries)."""
    versions = list(
        article.versions.select_related("amendment").prefetch_related(paragraphs_prefetch()).order_by("valid_from")
    )
    for version in versions:
        version.article = article  # provisions() reads the key; avoid a query per version
    entries: list[VersionEntry] = []
    previous: list[Provision] | None = None
    for i, version in enumerate(versions):
        current = provisions(version)
        until = versions[i + 1].valid_from if i + 1 < len(versions) else None
        changes = compare(previous, current) if previous is not None else []
        entries.append(VersionEntry(version, until, current, changes))
        previous = current
    return entries


def compare(old: list[Provision], new: list[Provision]) -> list[ProvisionChange]:
    """Provision-by-provision comparison, matched by number, in the new version's order; a
    provision that disappeared is listed after the one it followed."""
    old_by_number = {p.number: p for p in old}
    new_numbers = {p.number for p in new}
    removed_after: dict[str | None, list[Provision]] = {}
    last_kept = None
    for p in old:
        if p.number in new_numbers:
            last_kept = p.number
        else:
            removed_after.setdefault(last_kept, []).append(p)
    changes = [_removed(p) for p in removed_after.get(None, [])]
    for p in new:
        changes.append(_change(old_by_number.get(p.number), p))
        changes += [_removed(q) for q in removed_after.get(p.number, [])]
    return changes


def _removed(before: Provision) -> ProvisionChange:
    segments = [Segment("delete", before.text)] if before.is_held else []
    return ProvisionChange(before.number, "removed", segments, None, before)


def _change(before: Provision | None, after: Provision) -> ProvisionChange:
    if before is None:
        segments = [Segment("insert", after.text)] if after.is_held else []
        return ProvisionChange(after.number, "added", segments, after, None)
    same = (before.status, before.text, before.note) == (after.status, after.text, after.note)
    if same:
        return ProvisionChange(after.number, "unchanged", [Segment("equal", after.text)], after, before)
    if not before.is_held or not after.is_held:
        # Nothing to compare word by word: the page shows both states as they are.
        return ProvisionChange(after.number, "not_held", [], after, before)
    return ProvisionChange(after.number, "changed", diff(before.text, after.text), after, before)
