"""The association's papers: documents with a symbol shared by their language versions, one file per language."""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from assemblies.models import Body as SessionBody
from core.uploads import MB, FileValidator
from members.membership import format_partial_date, partial_iso
from members.models import DatePrecision

# What a document file may be: PDF and the current Office or OpenDocument formats.
FILE_KINDS = ("pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp")
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "odp": "application/vnd.oasis.opendocument.presentation",
}
MAX_FILE_BYTES = 30 * MB


class Kind(models.TextChoices):
    """What a document is."""

    AGENDA = "agenda", _("agenda")
    DECLARATION = "declaration", _("declaration")
    RESOLUTION = "resolution", _("resolution")
    REPORT = "report", _("report")
    MINUTES = "minutes", _("minutes")
    PRESENTATION = "presentation", _("presentation")
    PLAN = "plan", _("plan")


# The series mark of the symbol: resolutions and minutes have their own, the rest are documents.
SERIES = {Kind.RESOLUTION: "RES", Kind.MINUTES: "MIN"}


class Body(models.TextChoices):
    """Who issued the document: the symbol's second part."""

    GENERAL_ASSEMBLY = "GA", _("General Assembly")
    WORKING_COMMITTEE = "WC", _("Working Committee")
    COMMITTEE = "CM", _("specialized committee")
    SECRETARIAT = "SEC", _("Secretariat")


SESSION_BODIES = {
    SessionBody.GENERAL_ASSEMBLY: Body.GENERAL_ASSEMBLY,
    SessionBody.WORKING_COMMITTEE: Body.WORKING_COMMITTEE,
}


class Access(models.TextChoices):
    PUBLIC = "public", _("public")
    RESTRICTED = "restricted", _("restricted to the secretariat")


def build_symbol(*, body: str, kind: str, number: int, session=None, date=None) -> str:
    """NEAR/GA/12/RES/1: body, the session's number (or key; else the year), series, number."""
    if session is not None:
        part = session.key
    elif date is not None:
        part = str(date.year)
    else:
        raise ValueError("A symbol needs the session or the date.")
    return f"NEAR/{body}/{part}/{SERIES.get(kind, 'DOC')}/{number}"


class DocumentQuerySet(models.QuerySet):
    def for_library(self):
        """Documents as the library lists them: newest first, with their files' languages."""
        return self.prefetch_related(
            models.Prefetch("files", queryset=DocumentFile.objects.only("pk", "document_id", "language"))
        ).order_by("-date", "symbol")


class Document(models.Model):
    """A paper of the association (a declaration, a resolution, a report ...), in up to six languages."""

    symbol = models.CharField(_("symbol"), max_length=60, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    body = models.CharField(_("body"), max_length=3, choices=Body.choices)
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("Its number in its series (the symbol's last part).")
    )
    title = models.CharField(_("title"), max_length=300)
    summary = models.TextField(_("summary"), blank=True)
    date = models.DateField(
        _("date"), help_text=_("When only the month or year is recorded, the first day of that month or year.")
    )
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    access = models.CharField(_("access"), max_length=10, choices=Access.choices, default=Access.PUBLIC)
    session = models.ForeignKey(
        "assemblies.Session",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("session"),
    )
    committee = models.ForeignKey(
        "committees.Committee",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("committee"),
    )
    event = models.ForeignKey(
        "events.Event",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("event"),
    )
    member = models.ForeignKey(
        "members.MemberGovernment",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("member government"),
    )
    resolution = models.OneToOneField(
        "assemblies.Resolution",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="document",
        verbose_name=_("resolution"),
        help_text=_("For a resolution: the decision as the record holds it."),
    )

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "symbol"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        permissions = [("view_restricted_document", _("Can read restricted documents"))]
        constraints = [
            # One symbol names one document; its language versions share it.
            models.UniqueConstraint(fields=["symbol"], name="document_unique_symbol"),
            # A document belongs to exactly one of a session, a committee, an event or a government.
            models.CheckConstraint(
                condition=models.Q(
                    session__isnull=False, committee__isnull=True, event__isnull=True, member__isnull=True
                )
                | models.Q(session__isnull=True, committee__isnull=False, event__isnull=True, member__isnull=True)
                | models.Q(session__isnull=True, committee__isnull=True, event__isnull=False, member__isnull=True)
                | models.Q(session__isnull=True, committee__isnull=True, event__isnull=True, member__isnull=False),
                name="document_belongs_to_one_thing",
            ),
            # Only a resolution document carries the resolution it records.
            models.CheckConstraint(
                condition=models.Q(resolution__isnull=True) | models.Q(kind="resolution", session__isnull=False),
                name="document_resolution_only_for_resolutions",
            ),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="document_number_from_one"),
        ]

    def __str__(self):
        return f"{self.symbol} {self.title}"

    def save(self, *args, **kwargs):
        self.symbol = self.built_symbol()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("documents:detail", kwargs={"symbol": self.symbol})

    def clean(self):
        if self.session_id is not None:
            expected = SESSION_BODIES[self.session.body]
            if self.body != expected:
                raise ValidationError(
                    {
                        "body": _("A document of this session is issued by the %(body)s.")
                        % {"body": Body(expected).label}
                    }
                )
        elif self.body in (Body.GENERAL_ASSEMBLY, Body.WORKING_COMMITTEE):
            raise ValidationError(
                {"session": _("A document of the General Assembly or the Working Committee names its session.")}
            )
        if self.resolution_id is not None and self.resolution.motion.agenda_item.session_id != self.session_id:
            raise ValidationError({"resolution": _("The resolution was adopted at another session.")})
        if self.date is None or self.kind == "" or self.number is None:
            return
        symbol = self.built_symbol()
        if Document.objects.filter(symbol=symbol).exclude(pk=self.pk).exists():
            raise ValidationError({"number": _("Another document has the symbol %(symbol)s.") % {"symbol": symbol}})

    def built_symbol(self) -> str:
        return build_symbol(body=self.body, kind=self.kind, number=self.number, session=self.session, date=self.date)

    @property
    def date_display(self) -> str:
        """The date only as precisely as the record states it."""
        return format_partial_date(self.date, self.date_precision)

    @property
    def date_iso(self) -> str:
        return partial_iso(self.date, self.date_precision)

    @property
    def restricted(self) -> bool:
        return self.access == Access.RESTRICTED

    def readable_by(self, user) -> bool:
        """Whether ``user`` may open the document's files: public ones anybody, restricted ones with the permission."""
        return not self.restricted or user.has_perm("documents.view_restricted_document")


def document_file_path(instance, filename: str) -> str:
    """A random name under documents/<document>/, with the extension of the checked type."""
    extension = {content_type: kind for kind, content_type in CONTENT_TYPES.items()}.get(instance.content_type)
    if extension is None:
        raise ValidationError(_("The file has not been checked."), code="unchecked")
    return f"documents/{instance.document_id}/{instance.language}-{uuid.uuid4().hex}.{extension}"


class DocumentFile(models.Model):
    """One language version of a document: its file, checked by content."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="files", verbose_name=_("document"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    file = models.FileField(
        _("file"),
        upload_to=document_file_path,
        max_length=200,
        validators=[FileValidator(max_size=MAX_FILE_BYTES, kinds=FILE_KINDS)],
    )
    # Set from the file's content when it is checked (clean), never from the browser.
    content_type = models.CharField(_("content type"), max_length=100, editable=False)
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "language"]
        verbose_name = _("language version")
        verbose_name_plural = _("language versions")
        constraints = [
            # One file per document and language.
            models.UniqueConstraint(fields=["document", "language"], name="document_file_one_per_language"),
            # Every stored file went through the content check, which sets its type.
            models.CheckConstraint(condition=~models.Q(content_type=""), name="document_file_has_checked_type"),
        ]

    def __str__(self):
        return f"{self.document.symbol} ({self.get_language_display()})"

    def get_absolute_url(self):
        return reverse("documents:file", kwargs={"pk": self.pk})

    def clean(self):
        if self.file and not self.file._committed:
            # The field's FileValidator has checked the size, the name and that the content matches it.
            extension = self.file.name.rsplit(".", 1)[-1].lower()
            self.content_type, self.size = CONTENT_TYPES.get(extension, ""), self.file.size
            if not self.content_type:
                raise ValidationError({"file": _("Files of this type are not accepted here.")})

    @property
    def download_name(self) -> str:
        extension = {content_type: kind for kind, content_type in CONTENT_TYPES.items()}[self.content_type]
        return f"{self.document.symbol.replace('/', '-')}-{self.language}.{extension}"


@receiver(post_delete, sender=DocumentFile)
def delete_document_file(sender, instance, **kwargs):
    """A deleted language version leaves no file under MEDIA_ROOT (once the deletion is committed)."""
    if instance.file:
        transaction.on_commit(lambda: instance.file.delete(save=False))


class NewsQuerySet(models.QuerySet):
    def published(self):
        """What the secretariat has published, latest first."""
        return self.filter(published=True).order_by("-published_on", "-pk")


class NewsItem(models.Model):
    """A news item or notice the secretariat publishes (an Assembly convened, a call for participation)."""

    class Kind(models.TextChoices):
        NEWS = "news", _("news")
        CONVENING = "convening", _("notice of convening")
        CALL = "call", _("call for participation")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.NEWS)
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences for the list and the feed."))
    body = models.TextField(_("text"), blank=True)
    published_on = models.DateField(_("published on"))
    published = models.BooleanField(_("published"), default=False, help_text=_("Untick to keep it a draft."))
    sessions = models.ManyToManyField(
        "assemblies.Session", blank=True, related_name="news_items", verbose_name=_("sessions")
    )
    events = models.ManyToManyField("events.Event", blank=True, related_name="news_items", verbose_name=_("events"))
    committees = models.ManyToManyField(
        "committees.Committee", blank=True, related_name="news_items", verbose_name=_("committees")
    )
    members = models.ManyToManyField(
        "members.MemberGovernment", blank=True, related_name="news_items", verbose_name=_("member governments")
    )

    objects = NewsQuerySet.as_manager()

    class Meta:
        ordering = ["-published_on", "-pk"]
        verbose_name = _("news item or notice")
        verbose_name_plural = _("news and notices")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("documents:news-detail", kwargs={"slug": self.slug})


class MinutesPublication(models.Model):
    """One publication of a session's minutes generated from the record: its version, who published it, what it said.

    Publishing again after the record changed makes the next version; the language versions'
    files are replaced (their history and this row keep the earlier files' names, and the
    files stay in storage), and the HTML published in each language is kept here as it was.
    """

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="minutes_publications", verbose_name=_("document")
    )
    version = models.PositiveSmallIntegerField(_("version"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("published by")
    )
    # SHA-256 of the minutes' HTML in the six languages: a publication that would say nothing new is refused.
    digest = models.CharField(_("digest of the content"), max_length=64)
    html = models.JSONField(_("HTML in each language"), default=dict)
    files = models.JSONField(_("files in each language"), default=dict, help_text=_("Stored name and SHA-256."))
    history = HistoricalRecords()

    class Meta:
        ordering = ["document", "-version"]
        verbose_name = _("publication of minutes")
        verbose_name_plural = _("publications of minutes")
        constraints = [
            # Versions count from 1, once each per document.
            models.UniqueConstraint(fields=["document", "version"], name="minutes_publication_unique_version"),
            models.CheckConstraint(condition=models.Q(version__gte=1), name="minutes_publication_version_from_one"),
        ]

    def __str__(self):
        return f"{self.document.symbol} v{self.version}"
