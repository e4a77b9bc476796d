"""A member government's yearly plan of foreign cooperation: measures, their activities, and
what each activity concerns: NEAR's bodies, other member governments, or parties outside NEAR."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from core.languages import LANGUAGE_CODES

# The association was founded in 1996 (seed 004 line 829); no plan of a member predates it.
FIRST_YEAR = 1996
LAST_YEAR = 2100


class Status(models.TextChoices):
    """Whether the public site shows the plan."""

    DRAFT = "draft", _("draft")
    PUBLISHED = "published", _("published")


class Kind(models.TextChoices):
    """Whose cooperation an activity is."""

    NEAR = "near", _("NEAR cooperation")
    MEMBERS = "members", _("Cooperation between member governments")
    OUTSIDE = "outside", _("Outside NEAR")


class NearBody(models.TextChoices):
    """The body of the association a NEAR activity concerns (Charter: General Assembly,
    Working Committee, specialized committees, Secretariat)."""

    GENERAL_ASSEMBLY = "general_assembly", _("General Assembly")
    WORKING_COMMITTEE = "working_committee", _("Working Committee")
    COMMITTEES = "committees", _("specialized committees")
    SECRETARIAT = "secretariat", _("Secretariat")


class CooperationPlanQuerySet(models.QuerySet):
    def published(self):
        """Plans the governments have published: the only ones the public site shows."""
        return self.filter(status=Status.PUBLISHED)

    def for_government(self, government):
        """``government``'s plans, latest year first."""
        return self.filter(government=government).order_by("-year")


class CooperationPlan(models.Model):
    """A member government's plan of foreign relations and cooperation for one year."""

    government = models.ForeignKey(
        "members.MemberGovernment",
        on_delete=models.PROTECT,
        related_name="cooperation_plans",
        verbose_name=_("member government"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=300)
    goal = models.TextField(_("objective"), blank=True, help_text=_("The objective the plan states for the year."))
    adopted_on = models.DateField(_("adopted on"), null=True, blank=True)
    adopted_by = models.CharField(
        _("adopted by"),
        max_length=300,
        blank=True,
        help_text=_("The act that adopted the plan, as the plan names it."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    source = models.CharField(_("source"), max_length=300, blank=True)

    objects = CooperationPlanQuerySet.as_manager()

    class Meta:
        ordering = ["government__name", "-year"]
        verbose_name = _("cooperation plan")
        verbose_name_plural = _("cooperation plans")
        constraints = [
            # One plan a year for each government: its page is /members/<slug>/plans/<year>/.
            models.UniqueConstraint(fields=["government", "year"], name="plan_one_per_government_and_year"),
            models.CheckConstraint(
                condition=models.Q(year__gte=FIRST_YEAR, year__lte=LAST_YEAR), name="plan_year_in_range"
            ),
            models.CheckConstraint(condition=models.Q(status__in=Status.values), name="plan_status_known"),
            # A plan is adopted in the year it plans for or in the year before.
            models.CheckConstraint(
                condition=models.Q(adopted_on__isnull=True)
                | models.Q(adopted_on__year__gte=models.F("year") - 1, adopted_on__year__lte=models.F("year")),
                name="plan_adopted_in_its_year_or_the_one_before",
            ),
        ]

    def __str__(self):
        return f"{self.government} {self.year}: {self.title}"

    def get_absolute_url(self):
        return reverse("plans:detail", kwargs={"slug": self.government.slug, "year": self.year})


class PlanMeasure(models.Model):
    """A measure of a plan (a numbered row of the plan's table), carried out by its activities."""

    plan = models.ForeignKey(CooperationPlan, on_delete=models.CASCADE, related_name="measures", verbose_name=_("plan"))
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.TextField(_("measure"))

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_measure_unique_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="plan_measure_number_from_one"),
        ]

    def __str__(self):
        return f"{self.plan.government} {self.plan.year} {self.number}. {self.title}"


class PlanActivityQuerySet(models.QuerySet):
    def for_page(self):
        """Activities as a plan's page shows them: with their measure, committees and governments."""
        return (
            self.select_related("measure")
            .prefetch_related("committees", "governments")
            .order_by("measure__number", "number")
        )


class PlanActivity(models.Model):
    """One activity of a measure, with its baseline, indicator, target, timing and responsible unit."""

    measure = models.ForeignKey(
        PlanMeasure, on_delete=models.CASCADE, related_name="activities", verbose_name=_("measure")
    )
    number = models.PositiveSmallIntegerField(_("number"))
    description = models.TextField(_("activity"))
    baseline = models.TextField(_("baseline"), blank=True)
    indicator = models.TextField(_("indicator"), blank=True)
    target = models.TextField(_("target and result"), blank=True)
    timing = models.CharField(_("timing"), max_length=200, blank=True)
    responsible = models.CharField(_("responsible unit"), max_length=300, blank=True)
    kind = models.CharField(_("kind of cooperation"), max_length=10, choices=Kind.choices)
    near_body = models.CharField(
        _("NEAR body"),
        max_length=20,
        choices=NearBody.choices,
        blank=True,
        help_text=_("For NEAR cooperation: the body of the association it concerns."),
    )
    committees = models.ManyToManyField(
        "committees.Committee",
        blank=True,
        related_name="plan_activities",
        verbose_name=_("committees"),
        help_text=_("For NEAR cooperation: the specialized committees it names, if any."),
    )
    governments = models.ManyToManyField(
        "members.MemberGovernment",
        blank=True,
        related_name="plan_activities",
        verbose_name=_("member governments concerned"),
        help_text=_("For cooperation between member governments: the other members it concerns."),
    )
    counterpart = models.CharField(
        _("counterpart"),
        max_length=300,
        blank=True,
        help_text=_("Outside NEAR: the party it concerns (a government or association that is not NEAR)."),
    )

    objects = PlanActivityQuerySet.as_manager()

    class Meta:
        ordering = ["measure", "number"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["measure", "number"], name="plan_activity_unique_number"),
            models.CheckConstraint(condition=models.Q(number__gte=1), name="plan_activity_number_from_one"),
            models.CheckConstraint(condition=models.Q(kind__in=Kind.values), name="plan_activity_kind_known"),
            # A NEAR activity names the body it concerns; the others concern no body of NEAR.
            models.CheckConstraint(
                condition=models.Q(kind=Kind.NEAR, near_body__in=NearBody.values)
                | (~models.Q(kind=Kind.NEAR) & models.Q(near_body="")),
                name="plan_activity_near_body_only_for_near",
            ),
        ]

    def __str__(self):
        return f"{self.measure.number}.{self.number} {self.description}"

    @property
    def anchor(self) -> str:
        """The activity's place on its plan's page: ``activity-4-2``."""
        return f"activity-{self.measure.number}-{self.number}"

    def clean(self):
        named = any(getattr(self, build_localized_fieldname("counterpart", code), "") for code in LANGUAGE_CODES)
        if self.kind == Kind.OUTSIDE and not named:
            raise ValidationError({"counterpart": _("Name the party outside NEAR this activity concerns.")})
        if self.kind == Kind.NEAR and not self.near_body:
            raise ValidationError({"near_body": _("Name the body of NEAR this activity concerns.")})
        if self.kind != Kind.NEAR and self.near_body:
            raise ValidationError({"near_body": _("Only NEAR cooperation concerns a body of NEAR.")})
