"""Amending an instrument: the one writer of amendments and article versions.

Charter art. 8(3): the General Assembly amends the Charter; Committee Regulation art. 9: the
Working Committee amends that Regulation. Whoever adopted it, an amendment takes effect on one
day: the versions it replaces end that day and its new versions begin, all or nothing.
"""

import datetime
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from instruments.models import Amendment, Article, ArticleVersion, Instrument, Paragraph

Texts = str | Mapping[str, str]


@dataclass(frozen=True)
class ProvisionText:
    """The new wording of one paragraph or item, by language code ('en', 'zh-hans', ...)."""

    text: Mapping[str, str]
    number: str = ""
    note: Mapping[str, str] = field(default_factory=dict)
    status: str = Paragraph.Status.TEXT
    remark: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ArticleChange:
    """What an amendment does to one article: 'amend' (new wording), 'create' or 'repeal'."""

    article: str  # the article's number ('4-2') or, for unnumbered parts, its key ('preamble')
    action: str = "amend"
    title: Mapping[str, str] = field(default_factory=dict)
    provisions: Sequence[ProvisionText] = ()
    kind: str = Article.Kind.ARTICLE  # for 'create'
    position: int | None = None  # for 'create'; by default right after the article numbered before it


ACTIONS = ("amend", "create", "repeal")


@transaction.atomic
def apply_amendment(
    *,
    instrument: Instrument,
    effective_on: datetime.date,
    changes: Sequence[ArticleChange],
    adopted_by: str = "",
    session: Texts = "",
    adopted_on: datetime.date | None = None,
    summary: Texts = "",
    source: str = "",
    scope_recorded: bool = True,
) -> Amendment:
    """Record an amendment of ``instrument`` in force from ``effective_on`` and apply ``changes``.

    ``adopted_by`` is an ``Amendment.Body`` value; ``session`` and ``summary`` are one text (stored
    as English) or a mapping of language code to text. Raises ``ValidationError`` (and changes
    nothing) when a change does not fit the instrument as in force that day.
    """
    if not changes:
        raise ValidationError(_("An amendment must change at least one article."))
    seen = [change.article for change in changes]
    if len(seen) != len(set(seen)):
        raise ValidationError(_("Each article may appear only once in an amendment."))
    amendment = Amendment(
        instrument=instrument,
        kind=Amendment.Kind.AMENDMENT if instrument.amendments.exists() else Amendment.Kind.ADOPTION,
        effective_on=effective_on,
        adopted_on=adopted_on,
        body=adopted_by,
        source=source,
        scope_recorded=scope_recorded,
    )
    _set_texts(amendment, "session", session)
    _set_texts(amendment, "summary", summary)
    amendment.full_clean()
    amendment.save()
    for change in changes:
        _apply(amendment, change)
    return amendment


@transaction.atomic
def revoke_amendment(amendment: Amendment, *, reason: str) -> None:
    """Revoke an amendment (its resolution was annulled) for ``reason``: it and its article versions
    are kept, marked revoked, and leave the texts and their history; an article it created leaves
    them too, having no other version. Nothing is deleted.

    Refused once the instrument was amended again afterwards: the later text rests on this one.
    """
    later = Amendment.objects.filter(instrument=amendment.instrument_id, effective_on__gt=amendment.effective_on)
    if later.exists():
        raise ValidationError(
            _("%(instrument)s was amended again after %(date)s; reverse this amendment by a new decision.")
            % {"instrument": amendment.instrument, "date": amendment.effective_on}
        )
    if not reason.strip():
        raise ValidationError(_("A revocation needs a reason."))
    revoked_at = timezone.now()
    for version in amendment.versions.all():
        # Saved one by one, not update()d, so the audit trail records each.
        version.revoked_at = revoked_at
        version.save(update_fields=["revoked_at"])
    amendment.revoked_at, amendment.revoked_reason = revoked_at, reason.strip()
    amendment.full_clean()
    amendment.save()


def _apply(amendment: Amendment, change: ArticleChange) -> ArticleVersion:
    if change.action not in ACTIONS:
        raise ValidationError(_("Unknown action '%(action)s'.") % {"action": change.action})
    instrument, on = amendment.instrument, amendment.effective_on
    article = _find(instrument, change.article)
    if change.action == "create":
        if article is not None and article.versions.exists():
            raise ValidationError(
                _("%(article)s exists already; amend it instead.") % {"article": article.label or article.key}
            )
        # An article whose only versions were revoked (its amendment's resolution was annulled) is
        # taken up again: it is kept, so its number and key are still its own.
        article = article or _new_article(instrument, change)
    elif article is None:
        raise ValidationError(_("The instrument has no article '%(article)s'.") % {"article": change.article})
    else:
        if article.version_on(on) is None:
            raise ValidationError(
                _("%(article)s is not in force on %(date)s.") % {"article": article.label or article.key, "date": on}
            )
        if article.versions.filter(valid_from__gte=on).exists():
            raise ValidationError(
                _("%(article)s already has a version from %(date)s or later.")
                % {"article": article.label or article.key, "date": on}
            )
    repeal = change.action == "repeal"
    if not repeal and not change.provisions:
        raise ValidationError(_("%(article)s: give the new wording.") % {"article": article.label or article.key})
    version = ArticleVersion(
        article=article,
        amendment=amendment,
        valid_from=on,
        status=ArticleVersion.Status.REPEALED if repeal else ArticleVersion.Status.IN_FORCE,
    )
    _set_texts(version, "title", change.title)
    version.full_clean()
    version.save()
    for position, provision in enumerate([] if repeal else change.provisions, start=1):
        paragraph = Paragraph(version=version, position=position, number=provision.number, status=provision.status)
        for name in ("text", "note", "remark"):
            _set_texts(paragraph, name, getattr(provision, name))
        if provision.status != Paragraph.Status.NOT_HELD and not paragraph.text_zh_hans:
            raise ValidationError(
                _("%(article)s, provision %(number)s: the Chinese source text is missing.")
                % {"article": article.label or article.key, "number": provision.number or position}
            )
        paragraph.full_clean()
        paragraph.save()
    return version


def _find(instrument: Instrument, reference: str) -> Article | None:
    return instrument.articles.filter(number=reference).first() or instrument.articles.filter(key=reference).first()


def _new_article(instrument: Instrument, change: ArticleChange) -> Article:
    numbered = change.kind == Article.Kind.ARTICLE
    article = Article(
        instrument=instrument,
        kind=change.kind,
        number=change.article if numbered else "",
        key=f"art-{change.article}" if numbered else change.article,
        position=change.position or _position_for(instrument, change.article if numbered else None),
    )
    article.full_clean()
    article.save()
    return article


def _position_for(instrument: Instrument, number: str | None) -> int:
    """Right after the article numbered just before ``number`` (4-3 after 4-2); unnumbered parts
    go last. Positions are spaced, so an insertion normally finds room."""
    articles = list(instrument.articles.all())
    if number is None or not articles:
        return max((a.position for a in articles), default=0) + 100
    key = _number_key(number)
    before = [a for a in articles if a.number and _number_key(a.number) < key]
    if not before:
        raise ValidationError(_("Give a position for article %(number)s.") % {"number": number})
    position = max(before, key=lambda a: _number_key(a.number)).position + 1
    taken = {a.position for a in articles} | {h.position for h in instrument.headings.all()}
    if position in taken:
        raise ValidationError(_("Give a position for article %(number)s.") % {"number": number})
    return position


def _number_key(number: str) -> tuple[int, int]:
    main, _sep, sub = number.partition("-")
    return int(main), int(sub or 0)


def _set_texts(obj, name: str, value: Texts) -> None:
    """Set a translated field from one text (English) or a mapping by language code."""
    values = {settings.LANGUAGE_CODE: value} if isinstance(value, str) else dict(value)
    for code, _label in settings.LANGUAGES:
        setattr(obj, build_localized_fieldname(name, code), values.get(code, ""))
