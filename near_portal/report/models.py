"""Models of the annual report: messages, the secretariat as a year's report describes it, editions."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.languages import LANGUAGE_CODES
from members.models import MemberGovernment

# NEAR was founded in 1996 (Charter art. 19): no annual report can be older.
FIRST_YEAR = 1996
YEAR_VALIDATORS = [MinValueValidator(FIRST_YEAR), MaxValueValidator(2999)]
# A report takes seconds to tens of seconds; a job unfinished after this long has died
# (machine restarted, process killed) and is marked failed so that staff can start another.
GENERATION_TIMEOUT = timedelta(minutes=15)


def language_check(name):
    """A named check that ``language`` is one of the portal's six language codes."""
    return models.CheckConstraint(condition=models.Q(language__in=LANGUAGE_CODES), name=name)


class MessageAuthor(models.TextChoices):
    """Who signs a message at the front of the report (the 2018 edition has both)."""

    CHAIR = "chair", _("the Chair")
    SECRETARY_GENERAL = "secretary_general", _("the Secretary-General")


class ReportMessage(models.Model):
    """The message of the Chair or the Secretary-General opening a year's annual report, in one language."""

    year = models.PositiveSmallIntegerField(_("year of the report"), validators=YEAR_VALIDATORS)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    author = models.CharField(_("author"), max_length=20, choices=MessageAuthor.choices)
    body = models.TextField(_("text"), help_text=_("Paragraphs separated by an empty line."))
    signature = models.TextField(
        _("signature"), blank=True, help_text=_("The lines under the text, as signed: office, government, name.")
    )
    dated = models.DateField(
        _("dated"),
        null=True,
        blank=True,
        help_text=_("Only the month and the year are printed, as in the 2018 edition."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-year", "language", "author"]
        verbose_name = _("annual report message")
        verbose_name_plural = _("annual report messages")
        constraints = [
            # One message per author, year and language; a second would be ambiguous.
            models.UniqueConstraint(fields=["year", "language", "author"], name="report_message_one_per_author"),
            language_check("report_message_language_is_a_portal_language"),
            models.CheckConstraint(condition=models.Q(year__gte=FIRST_YEAR), name="report_message_year_from_1996"),
        ]

    def __str__(self):
        return f"{self.year} · {self.get_language_display()} · {self.get_author_display()}"


class SecretariatProfile(models.Model):
    """The secretariat as the annual report of one year presents it (Charter arts. 12 to 14)."""

    year = models.PositiveSmallIntegerField(_("year of the report"), unique=True, validators=YEAR_VALIDATORS)
    establishment = models.TextField(_("establishment"), blank=True)
    organisation = models.TextField(_("organisation"), blank=True)
    budget = models.TextField(_("budget"), blank=True)
    duties = models.TextField(_("duties"), blank=True, help_text=_("One duty per line."))

    class Meta:
        ordering = ["-year"]
        verbose_name = _("secretariat in an annual report")
        verbose_name_plural = _("secretariat in the annual reports")
        constraints = [
            models.CheckConstraint(condition=models.Q(year__gte=FIRST_YEAR), name="secretariat_profile_year_from_1996"),
        ]

    def __str__(self):
        return str(self.year)

    def duty_list(self):
        """The duties, one per non-empty line."""
        return [line.strip() for line in (self.duties or "").splitlines() if line.strip()]


class SecretariatPost(models.Model):
    """A post in the secretariat's organisation chart of a year, with the person holding it."""

    profile = models.ForeignKey(
        SecretariatProfile, on_delete=models.CASCADE, related_name="posts", verbose_name=_("year")
    )
    position = models.CharField(_("position"), max_length=200)
    holder = models.CharField(
        _("name"), max_length=150, help_text=_("As the person's name is written in each language.")
    )
    seconded_from = models.ForeignKey(
        MemberGovernment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="secretariat_posts",
        verbose_name=_("seconded by"),
        help_text=_("The member government that seconded the official (Charter art. 13(2))."),
    )
    order = models.PositiveSmallIntegerField(_("order in the chart"))
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the record states it."))

    class Meta:
        ordering = ["profile", "order"]
        verbose_name = _("secretariat post")
        verbose_name_plural = _("secretariat posts")
        constraints = [
            # The chart has one post at each place.
            models.UniqueConstraint(fields=["profile", "order"], name="secretariat_post_unique_order"),
        ]

    def __str__(self):
        return f"{self.position} {self.holder}"


def edition_upload_to(edition, filename):
    """reports/2018/near-annual-report-2018-ko-<random>.pdf: unguessable until published."""
    return f"reports/{edition.year}/near-annual-report-{edition.year}-{edition.language}-{secrets.token_hex(8)}.pdf"


class ReportEditionQuerySet(models.QuerySet):
    def published(self):
        """Editions the public may download from /<lang>/reports/."""
        return self.filter(published=True, state=ReportEdition.State.DONE)

    def unfinished(self):
        """Editions waiting for the worker or being generated."""
        return self.filter(state__in=[ReportEdition.State.QUEUED, ReportEdition.State.RUNNING])

    def stale(self, now):
        """Unfinished editions requested more than ``GENERATION_TIMEOUT`` before ``now``."""
        return self.unfinished().filter(requested_at__lt=now - GENERATION_TIMEOUT)


class ReportEdition(models.Model):
    """One generated PDF of the annual report of a year in one language, kept for download."""

    class State(models.TextChoices):
        QUEUED = "queued", _("waiting")
        RUNNING = "running", _("being generated")
        DONE = "done", _("ready")
        FAILED = "failed", _("failed")

    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    language = models.CharField(_("language"), max_length=7, choices=settings.LANGUAGES)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="report_editions",
        verbose_name=_("requested by"),
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    generated_at = models.DateTimeField(_("generated at"), null=True, blank=True)
    file = models.FileField(_("file"), upload_to=edition_upload_to, max_length=200, blank=True)
    sha256 = models.CharField(_("SHA-256"), max_length=64, blank=True)
    pages = models.PositiveSmallIntegerField(_("pages"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    objects = ReportEditionQuerySet.as_manager()

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("annual report")
        verbose_name_plural = _("annual reports")
        constraints = [
            # A ready edition has its file, checksum, page count and time of generation.
            models.CheckConstraint(
                condition=~models.Q(state="done")
                | (
                    ~models.Q(file="")
                    & ~models.Q(sha256="")
                    & models.Q(pages__isnull=False, generated_at__isnull=False)
                ),
                name="report_edition_done_has_file",
            ),
            models.CheckConstraint(
                condition=models.Q(sha256="") | models.Q(sha256__regex=r"^[0-9a-f]{64}$"),
                name="report_edition_sha256_is_hex",
            ),
            # Only a ready edition can be published, and publishing is dated.
            models.CheckConstraint(
                condition=models.Q(published=False) | models.Q(state="done", published_at__isnull=False),
                name="report_edition_published_when_done",
            ),
            # The public sees one edition per year and language: publishing replaces the previous one.
            models.UniqueConstraint(
                fields=["year", "language"], condition=models.Q(published=True), name="report_edition_one_published"
            ),
            language_check("report_edition_language_is_a_portal_language"),
            models.CheckConstraint(condition=models.Q(year__gte=FIRST_YEAR), name="report_edition_year_from_1996"),
        ]

    def __str__(self):
        return f"{self.year} · {self.get_language_display()} · {self.get_state_display()}"

    def download_name(self):
        """The file name a reader's browser saves: NEAR-annual-report-2018-ko.pdf."""
        return f"NEAR-annual-report-{self.year}-{self.language}.pdf"
