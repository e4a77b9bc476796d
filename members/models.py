"""Member governments of NEAR, their countries, membership history, partners and contacts."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from core.languages import localized_fields
from members.querysets import MemberGovernmentQuerySet


class DatePrecision(models.TextChoices):
    """How much of a recorded date the record actually states."""

    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


class MembershipType(models.TextChoices):
    """Charter art. 4 (members), art. 4-2 (associate members); observers as the brochures list them."""

    MEMBER = "member", _("member")
    ASSOCIATE = "associate", _("associate member")
    OBSERVER = "observer", _("observer")
    FORMER = "former", _("former member")


class NaturalKeyManager(models.Manager):
    """Looks rows up by their natural key field, so fixtures can refer to slugs and codes."""

    def __init__(self, field="slug"):
        # Django builds related managers by calling the class without arguments.
        super().__init__()
        self.natural_key_field = field

    def get_by_natural_key(self, key):
        return self.get(**{self.natural_key_field: key})


class Country(models.Model):
    """A country whose provincial governments belong to NEAR."""

    code = models.CharField(_("ISO code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=100)
    display_order = models.PositiveSmallIntegerField(_("display order"), unique=True)

    objects = NaturalKeyManager("code")

    class Meta:
        ordering = ["display_order"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.code,)


class MemberGovernment(models.Model):
    """A provincial-level government that belongs, belonged or is attached to NEAR."""

    class Kind(models.TextChoices):
        PROVINCE = "province", _("province")
        AUTONOMOUS_REGION = "autonomous_region", _("autonomous region")
        MUNICIPALITY = "municipality", _("municipality")
        PREFECTURE = "prefecture", _("prefecture")
        METROPOLITAN_CITY = "metropolitan_city", _("metropolitan city")
        SPECIAL_SELF_GOVERNING_CITY = "special_self_governing_city", _("special self-governing city")
        SPECIAL_SELF_GOVERNING_PROVINCE = "special_self_governing_province", _("special self-governing province")
        CAPITAL_CITY = "capital_city", _("capital city")
        AIMAG = "aimag", _("aimag")
        REPUBLIC = "republic", _("republic")
        KRAI = "krai", _("krai")
        OBLAST = "oblast", _("oblast")
        SPECIAL_CITY = "special_city", _("special city")
        CITY = "city", _("city")

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    country = models.ForeignKey(
        Country, on_delete=models.PROTECT, related_name="governments", verbose_name=_("country")
    )
    kind = models.CharField(_("kind of government"), max_length=40, choices=Kind.choices)
    # Derived from the membership history by members.membership.sync_from_history();
    # stored so that lists can filter and sort without reading the history.
    membership_type = models.CharField(
        _("membership type"), max_length=20, choices=MembershipType.choices, default=MembershipType.MEMBER
    )
    list_position = models.PositiveSmallIntegerField(
        _("position in the official list"),
        null=True,
        blank=True,
        help_text=_("The number (①, ②, ...) the association's list gives the government within its country."),
    )
    admitted_on = models.DateField(_("admitted on"), null=True, blank=True)
    admitted_precision = models.CharField(
        _("precision of the admission date"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    founding_member = models.BooleanField(
        _("founding member (1996)"), null=True, blank=True, help_text=_("Empty when the record does not say.")
    )
    population = models.PositiveBigIntegerField(_("population"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    notes = models.TextField(_("notes"), blank=True)

    objects = MemberGovernmentQuerySet.as_manager()

    class Meta:
        ordering = ["country__display_order", "list_position", "name"]
        verbose_name = _("member government")
        verbose_name_plural = _("member governments")
        constraints = [
            # One name per country in every language (the translated columns come from
            # modeltranslation; members/translation.py registers them).
            *[
                models.UniqueConstraint(
                    fields=["country", field],
                    condition=~models.Q(**{field: ""}),
                    name=f"member_unique_{field}_per_country",
                )
                for field in localized_fields("name")
            ],
            # The official list numbers each government once within its country.
            models.UniqueConstraint(
                fields=["country", "list_position"],
                condition=models.Q(list_position__isnull=False),
                name="member_unique_list_position_per_country",
            ),
            # A precision is given exactly when an admission date is.
            models.CheckConstraint(
                condition=(
                    models.Q(admitted_on__isnull=True, admitted_precision="")
                    | (models.Q(admitted_on__isnull=False) & ~models.Q(admitted_precision=""))
                ),
                name="member_admission_precision_with_date",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("members:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)


class MembershipEvent(models.Model):
    """A dated change of a government's standing: admission, change of type, withdrawal."""

    class Kind(models.TextChoices):
        ADMITTED = "admitted", _("admitted")
        TYPE_CHANGED = "type_changed", _("membership type changed")
        WITHDRAWN = "withdrawn", _("withdrew")
        EXPELLED = "expelled", _("expelled")

    member = models.ForeignKey(
        MemberGovernment,
        on_delete=models.CASCADE,
        related_name="membership_events",
        verbose_name=_("member government"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    membership_type = models.CharField(_("membership type afterwards"), max_length=20, choices=MembershipType.choices)
    date = models.DateField(_("date"), null=True, blank=True, help_text=_("Empty when the record gives no date."))
    date_precision = models.CharField(
        _("precision of the date"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True, help_text=_("Where the record states it."))

    history = HistoricalRecords()

    class Meta:
        # Undated events happened before every dated one we hold (they come from older
        # brochures); among equals, the order of recording decides.
        ordering = [models.F("date").asc(nulls_first=True), "pk"]
        verbose_name = _("membership event")
        verbose_name_plural = _("membership events")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(date__isnull=True, date_precision="")
                    | (models.Q(date__isnull=False) & ~models.Q(date_precision=""))
                ),
                name="membership_event_precision_with_date",
            ),
            # Leaving makes a government a former member; nothing else does.
            models.CheckConstraint(
                condition=(
                    models.Q(kind__in=["withdrawn", "expelled"], membership_type="former")
                    | (~models.Q(kind__in=["withdrawn", "expelled"]) & ~models.Q(membership_type="former"))
                ),
                name="membership_event_leaving_means_former",
            ),
        ]

    def __str__(self):
        return f"{self.member} — {self.get_kind_display()}"


class Partner(models.Model):
    """An organisation NEAR cooperates with: an international association or a research institute."""

    class Kind(models.TextChoices):
        INTERNATIONAL_ORGANISATION = "international", _("international organisation")
        RESEARCH_INSTITUTE = "research", _("research institute")

    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=20, blank=True)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    display_order = models.PositiveSmallIntegerField(_("display order"), default=0)
    in_current_brochure = models.BooleanField(
        _("in the current brochure"),
        default=True,
        help_text=_(
            "Cleared for a partner that only an older brochure lists: the record does not say whether "
            "the cooperation goes on."
        ),
    )

    objects = NaturalKeyManager("slug")

    class Meta:
        ordering = ["display_order", "name"]
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def __str__(self):
        return self.acronym or self.name

    @property
    def name_with_acronym(self) -> str:
        """ "Assembly of European Regions (AER)": the acronym after the name, unless the name holds it."""
        if self.acronym and self.acronym not in self.name:
            return f"{self.name} ({self.acronym})"
        return self.name

    def natural_key(self):
        return (self.slug,)


class LiaisonContact(models.Model):
    """A liaison officer of a member government. Staff-only: never shown on public pages."""

    member = models.ForeignKey(
        MemberGovernment, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("member government")
    )
    name = models.CharField(_("name"), max_length=150)
    position = models.CharField(_("position"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    languages = ArrayField(
        models.CharField(max_length=10),
        verbose_name=_("languages"),
        default=list,
        blank=True,
        help_text=_("Language codes, for example en, ko, ru."),
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["member", "name"]
        verbose_name = _("liaison contact")
        verbose_name_plural = _("liaison contacts")

    def __str__(self):
        return f"{self.name} ({self.member})"
