"""A government publishes or withdraws its cooperation plan: the public site shows only published plans."""

from django.db import transaction

from plans.models import CooperationPlan


def set_plan_status(*, plan: CooperationPlan, status: str, acting_user) -> CooperationPlan:
    """Publish (``Status.PUBLISHED``) or withdraw (``Status.DRAFT``) ``plan``; its history names ``acting_user``."""
    with transaction.atomic():
        plan = CooperationPlan.objects.select_for_update().get(pk=plan.pk)
        plan.status = status
        plan.full_clean()
        plan._history_user = acting_user
        plan.save(update_fields=["status"])
    return plan
