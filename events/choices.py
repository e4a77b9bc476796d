"""Choices shared by the events models and their querysets."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Organiser(models.TextChoices):
    """Who organised an event, as the record states it."""

    SECRETARIAT = "secretariat", _("the Secretariat")
    COMMITTEE = "committee", _("the specialized committee")
    HOST = "host", _("the host government")
    OTHER = "other", _("another organisation")
