"""Specialized committees (Charter art. 10(4); Committee Regulation) and their coordinator governments."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models import MemberGovernment, NaturalKeyManager


class Committee(models.Model):
    """A specialized committee of NEAR, listed in art. 2 of the Committee Regulation."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("active")
        ABOLISHED = "abolished", _("abolished")
        RENAMED = "renamed", _("renamed")
        MERGED = "merged", _("merged into another committee")

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    field_of_activity = models.CharField(_("field of activity"), max_length=300, blank=True)
    description = models.TextField(_("description"), blank=True)
    regulation_number = models.PositiveSmallIntegerField(
        _("number in the Committee Regulation art. 2"), null=True, blank=True
    )
    established_on = models.DateField(_("established on"), null=True, blank=True)
    established_year = models.PositiveSmallIntegerField(
        _("year founded"), null=True, blank=True, help_text=_("As the annual report's committee table gives it.")
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE)
    status_changed_on = models.DateField(_("status changed on"), null=True, blank=True)
    successor = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="predecessors",
        verbose_name=_("renamed to or merged into"),
    )
    meetings_to_2018 = models.PositiveSmallIntegerField(
        _("meetings recorded to 2018"),
        null=True,
        blank=True,
        help_text=_("The count the 2018 annual report gives; meetings recorded as events afterwards add to it."),
    )
    participants = models.ManyToManyField(
        MemberGovernment, blank=True, related_name="committees_joined", verbose_name=_("participating governments")
    )

    objects = NaturalKeyManager("slug")

    class Meta:
        ordering = ["regulation_number", "name"]
        verbose_name = _("specialized committee")
        verbose_name_plural = _("specialized committees")
        constraints = [
            models.UniqueConstraint(
                fields=["regulation_number"],
                condition=models.Q(regulation_number__isnull=False),
                name="committee_unique_regulation_number",
            ),
            # Only an abolished, renamed or merged committee has a date of that change.
            models.CheckConstraint(
                condition=models.Q(status="active", status_changed_on__isnull=True) | ~models.Q(status="active"),
                name="committee_active_has_no_status_date",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("committees:detail", kwargs={"slug": self.slug})

    def natural_key(self):
        return (self.slug,)
