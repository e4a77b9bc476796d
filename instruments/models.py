"""The Charter and the Regulations as structured, versioned text.

An instrument is divided into headings (chapters, sections) and articles; each article has
versions, each version its paragraphs and items. A version is in force from its own date until
the next version of the same article begins: the end is derived, never stored, so two versions of
one article are in force on the same day exactly when they start on the same day, which a
unique constraint forbids.
"""

import datetime

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, Manager, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.languages import LANGUAGE_CODES
from instruments.numbering import article_label
from members.models import NaturalKeyManager

# The portal's languages (settings.LANGUAGES); an instrument's text exists in each of them.


def url_name(slug: str, page: str = "") -> str:
    """The URL name of an instrument's page: '' (the text), 'history', 'article' or 'pdf'."""
    return f"instruments:{slug}-{page}" if page else f"instruments:{slug}"


class Instrument(models.Model):
    """A constitutional text of NEAR: the Charter or one of the Regulations made under it."""

    class Kind(models.TextChoices):
        CHARTER = "charter", _("charter")
        REGULATION = "regulation", _("regulation")

    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    short_title = models.CharField(_("short title"), max_length=100)
    source_language = models.CharField(
        _("language of the source text"),
        max_length=10,
        default="zh-hans",
        choices=settings.LANGUAGES,
        help_text=_("The language of the text the portal's record comes from."),
    )
    official_languages = ArrayField(
        models.CharField(max_length=10),
        verbose_name=_("languages with an official text entered"),
        default=list,
        blank=True,
        help_text=_("Other languages are marked as unofficial translations."),
    )
    source = models.CharField(
        _("source"), max_length=300, blank=True, help_text=_("Where the record publishes the text.")
    )
    position = models.PositiveSmallIntegerField(_("display order"), unique=True)

    objects = NaturalKeyManager("slug")

    class Meta:
        ordering = ["position"]
        verbose_name = _("instrument")
        verbose_name_plural = _("instruments")
        constraints = [
            # Texts are marked only in the portal's six languages.
            models.CheckConstraint(
                condition=Q(source_language__in=LANGUAGE_CODES) & Q(official_languages__contained_by=LANGUAGE_CODES),
                name="instrument_languages_are_portal_languages",
            ),
        ]

    def __str__(self):
        return self.short_title

    def get_absolute_url(self):
        return reverse(url_name(self.slug))

    def natural_key(self):
        return (self.slug,)

    def text_status(self, language: str) -> str:
        """'source', 'official' or 'unofficial': what the text in ``language`` is."""
        if language == self.source_language:
            return "source"
        return "official" if language in self.official_languages else "unofficial"


class Heading(models.Model):
    """A chapter or section heading of an instrument, such as 'Chapter III Organisation and functions'."""

    instrument = models.ForeignKey(
        Instrument, on_delete=models.CASCADE, related_name="headings", verbose_name=_("instrument")
    )
    key = models.SlugField(_("key"), max_length=60, help_text=_("Stable anchor, for example 'chapter-3'."))
    level = models.PositiveSmallIntegerField(_("level"), default=1, help_text=_("1 for a chapter, 2 for a section."))
    title = models.CharField(_("title"), max_length=200)
    # Headings and articles share one order: a heading stands before the articles that follow it.
    position = models.PositiveIntegerField(
        _("position"), help_text=_("Order among the instrument's headings and articles.")
    )

    class Meta:
        ordering = ["instrument", "position"]
        verbose_name = _("heading")
        verbose_name_plural = _("headings")
        constraints = [
            # Anchors must be unique within the instrument.
            models.UniqueConstraint(fields=["instrument", "key"], name="heading_unique_key_per_instrument"),
            models.CheckConstraint(condition=Q(level__in=[1, 2]), name="heading_level_chapter_or_section"),
        ]

    def __str__(self):
        return self.title


class ArticleQuerySet(models.QuerySet):
    def in_the_record(self):
        """Articles with a version not revoked: one created by a revoked amendment only is kept, unshown."""
        return self.filter(Exists(ArticleVersion.objects.filter(article=OuterRef("pk"))))

    def in_force(self, *, on: datetime.date):
        """Articles that have a version in force on ``on`` (created by then, not repealed)."""
        versions = ArticleVersion.objects.in_force(on=on).filter(article=OuterRef("pk"))
        return self.filter(Exists(versions))


class Article(models.Model):
    """An article of an instrument (or its preamble, attestation or a supplementary provision)."""

    class Kind(models.TextChoices):
        PREAMBLE = "preamble", _("preamble")
        ARTICLE = "article", _("article")
        ATTESTATION = "attestation", _("attestation")
        SUPPLEMENTARY = "supplementary", _("supplementary provision")

    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="articles", verbose_name=_("instrument")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.ARTICLE)
    number = models.CharField(
        _("number"),
        max_length=10,
        blank=True,
        help_text=_("As the text numbers it: '4', or '4-2' for an article inserted after article 4."),
    )
    key = models.SlugField(_("key"), max_length=60, help_text=_("Stable anchor, for example 'art-4-2'."))
    position = models.PositiveIntegerField(
        _("position"), help_text=_("Order among the instrument's headings and articles.")
    )
    history = HistoricalRecords()

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["instrument", "position"]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        constraints = [
            models.UniqueConstraint(fields=["instrument", "key"], name="article_unique_key_per_instrument"),
            models.UniqueConstraint(fields=["instrument", "position"], name="article_unique_position_per_instrument"),
            models.UniqueConstraint(
                fields=["instrument", "number"], condition=~Q(number=""), name="article_unique_number_per_instrument"
            ),
            # Numbered articles carry a number; preamble, attestation and supplementary provisions do not.
            models.CheckConstraint(
                condition=Q(kind="article", number__regex=r"^[0-9]+(-[0-9]+)?$") | (~Q(kind="article") & Q(number="")),
                name="article_number_only_for_articles",
            ),
        ]

    def __str__(self):
        return f"{self.instrument} — {self.label}"

    def get_absolute_url(self):
        return reverse(url_name(self.instrument.slug, "article"), kwargs={"key": self.key})

    @property
    def label(self) -> str:
        """'Article 4-2' in the active language (第四条之二, 제4조의2...); blank for unnumbered parts."""
        return article_label(self.number) if self.number else ""

    def version_on(self, on: datetime.date):
        """The version in force on ``on``, or None; the same rule as ``ArticleVersion.objects.in_force``."""
        started = [v for v in self.versions.all() if v.valid_from <= on]
        latest = max(started, key=lambda v: v.valid_from, default=None)
        return latest if latest and latest.status == ArticleVersion.Status.IN_FORCE else None


class NotRevokedManager(models.Manager):
    """The record in force: a revoked row is kept (``all_objects``, the admin, the audit) but every
    read of the texts, their history and their constraints leaves it out."""

    def get_queryset(self):
        return super().get_queryset().filter(revoked_at__isnull=True)


class Amendment(models.Model):
    """The adoption of an instrument or an amendment of it, with the date it took effect."""

    class Kind(models.TextChoices):
        ADOPTION = "adoption", _("adoption")
        AMENDMENT = "amendment", _("amendment")

    class Body(models.TextChoices):
        FOUNDING_CONFERENCE = "founding_conference", _("founding conference")
        GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
        WORKING_COMMITTEE = "working_committee", _("Working Committee")

    instrument = models.ForeignKey(
        Instrument, on_delete=models.PROTECT, related_name="amendments", verbose_name=_("instrument")
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.AMENDMENT)
    effective_on = models.DateField(_("in force from"))
    adopted_on = models.DateField(
        _("adopted on"), null=True, blank=True, help_text=_("Empty when the record does not say.")
    )
    # Text, not a link: sessions and resolutions live elsewhere and link to amendments themselves.
    body = models.CharField(_("adopting body"), max_length=30, choices=Body.choices, blank=True)
    session = models.CharField(
        _("session"), max_length=300, blank=True, help_text=_("The session that adopted it, when the record says.")
    )
    summary = models.TextField(_("summary"), blank=True)
    scope_recorded = models.BooleanField(
        _("the record says what it changed"),
        default=True,
        help_text=_("Untick when the record gives the date of the amendment but not the provisions it changed."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    # Nobody deletes an amendment: when the resolution that made it is annulled, it is revoked
    # with the reason, and kept with its article versions.
    revoked_at = models.DateTimeField(
        _("revoked at"),
        null=True,
        blank=True,
        help_text=_("Set when the resolution that made it was annulled: the amendment is kept, out of force."),
    )
    revoked_reason = models.TextField(_("reason for the revocation"), blank=True)

    all_objects = Manager()  # revoked amendments included
    objects = NotRevokedManager()

    class Meta:
        ordering = ["instrument", "effective_on"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        default_manager_name = "objects"  # the record in force; all_objects for the admin
        constraints = [
            # One amendment in force per instrument and day: the text as amended from that day.
            models.UniqueConstraint(
                fields=["instrument", "effective_on"],
                condition=Q(revoked_at__isnull=True),
                name="amendment_one_per_instrument_per_day",
            ),
            models.UniqueConstraint(
                fields=["instrument"],
                condition=Q(kind="adoption", revoked_at__isnull=True),
                name="amendment_one_adoption_per_instrument",
            ),
            models.CheckConstraint(
                condition=Q(adopted_on__isnull=True) | Q(adopted_on__lte=models.F("effective_on")),
                name="amendment_adopted_before_in_force",
            ),
            # A revocation always says why.
            models.CheckConstraint(
                condition=Q(revoked_at__isnull=True) | ~Q(revoked_reason=""), name="amendment_revocation_has_reason"
            ),
        ]

    def __str__(self):
        return f"{self.instrument} — {self.effective_on.isoformat()}"


class ArticleVersionQuerySet(models.QuerySet):
    def latest_on(self, *, on: datetime.date):
        """For each article, the version begun most recently on or before ``on`` (repeals included)."""
        later = ArticleVersion.objects.filter(
            article=OuterRef("article"), valid_from__gt=OuterRef("valid_from"), valid_from__lte=on
        )
        return self.filter(valid_from__lte=on).exclude(Exists(later))

    def in_force(self, *, on: datetime.date):
        """Versions in force on ``on``: begun by then, not replaced by then, not a repeal."""
        return self.latest_on(on=on).filter(status=ArticleVersion.Status.IN_FORCE)

    def with_valid_until(self):
        """Annotate ``valid_until``: the day the next version of the same article begins (NULL if none)."""
        following = (
            ArticleVersion.objects.filter(article=OuterRef("article"), valid_from__gt=OuterRef("valid_from"))
            .order_by("valid_from")
            .values("valid_from")[:1]
        )
        return self.annotate(valid_until=Subquery(following))


class ArticleVersion(models.Model):
    """The wording of one article from the day an amendment put it in force."""

    class Status(models.TextChoices):
        IN_FORCE = "in_force", _("in force")
        REPEALED = "repealed", _("repealed")

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="versions", verbose_name=_("article"))
    amendment = models.ForeignKey(
        Amendment, on_delete=models.PROTECT, related_name="versions", verbose_name=_("made by")
    )
    valid_from = models.DateField(_("in force from"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.IN_FORCE)
    title = models.CharField(_("title"), max_length=200, blank=True)
    # Revoked with its amendment (which holds the reason): kept, left out of the texts and their history.
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    all_objects = ArticleVersionQuerySet.as_manager()  # revoked versions included
    objects = NotRevokedManager.from_queryset(ArticleVersionQuerySet)()

    class Meta:
        ordering = ["article", "valid_from"]
        verbose_name = _("article version")
        verbose_name_plural = _("article versions")
        default_manager_name = "objects"  # the record in force; all_objects for the admin
        constraints = [
            # A version ends when the next begins, so this is what forbids two versions of one
            # article in force on the same day.
            models.UniqueConstraint(
                fields=["article", "valid_from"],
                condition=Q(revoked_at__isnull=True),
                name="article_version_one_in_force_per_day",
            ),
        ]

    def __str__(self):
        return f"{self.article} — {self.valid_from.isoformat()}"

    def clean(self):
        if self.amendment_id and self.article_id:
            if self.amendment.instrument_id != self.article.instrument_id:
                raise ValidationError(_("The amendment belongs to another instrument than the article."))
            if self.valid_from and self.valid_from != self.amendment.effective_on:
                raise ValidationError({"valid_from": _("A version comes into force on the day its amendment does.")})


class ParagraphQuerySet(models.QuerySet):
    def with_wording_held_from(self):
        """Annotate ``wording_held_from``: for a provision whose wording is not held, the first later
        day from which the record gives its wording (NULL if it never does)."""
        held_later = (
            Paragraph.objects.filter(
                version__article=OuterRef("version__article"),
                number=OuterRef("number"),
                version__valid_from__gt=OuterRef("version__valid_from"),
            )
            .exclude(status=Paragraph.Status.NOT_HELD)
            .order_by("version__valid_from")
            .values("version__valid_from")[:1]
        )
        return self.annotate(wording_held_from=Subquery(held_later))


class Paragraph(models.Model):
    """A paragraph or item of an article version, with the amendment note the text prints after it."""

    class Status(models.TextChoices):
        TEXT = "text", _("wording from the record")
        RECONSTRUCTED = "reconstructed", _("reconstructed from a recorded change")
        NOT_HELD = "not_held", _("wording not held")

    version = models.ForeignKey(
        ArticleVersion, on_delete=models.CASCADE, related_name="paragraphs", verbose_name=_("article version")
    )
    position = models.PositiveSmallIntegerField(_("position"))
    number = models.CharField(
        _("number"),
        max_length=20,
        blank=True,
        help_text=_("Stable number of the provision: '2' for paragraph 2, '2.1' for its item 1; empty for a lead-in."),
    )
    status = models.CharField(_("status"), max_length=15, choices=Status.choices, default=Status.TEXT)
    text = models.TextField(_("text"), blank=True)
    note = models.CharField(
        _("amendment note"), max_length=200, blank=True, help_text=_("As the text prints it, e.g. (2016.9.27 revised).")
    )
    remark = models.TextField(
        _("editorial remark"),
        blank=True,
        help_text=_("How the wording was reconstructed, or what the record says instead."),
    )

    objects = ParagraphQuerySet.as_manager()

    class Meta:
        ordering = ["version", "position"]
        verbose_name = _("paragraph")
        verbose_name_plural = _("paragraphs")
        constraints = [
            models.UniqueConstraint(fields=["version", "position"], name="paragraph_unique_position_per_version"),
            models.UniqueConstraint(
                fields=["version", "number"], condition=~Q(number=""), name="paragraph_unique_number_per_version"
            ),
            # The source text (Chinese) is present exactly when the wording is held.
            models.CheckConstraint(
                condition=(
                    Q(status="not_held") & (Q(text_zh_hans="") | Q(text_zh_hans__isnull=True))
                    | ~Q(status="not_held") & ~Q(text_zh_hans="") & Q(text_zh_hans__isnull=False)
                ),
                name="paragraph_source_text_unless_not_held",
            ),
        ]

    def __str__(self):
        return f"{self.version} — {self.number or '¶'}"

    @property
    def depth(self) -> int:
        """0 for a paragraph, 1 for its item, 2 for a sub-item."""
        return self.number.count(".")
