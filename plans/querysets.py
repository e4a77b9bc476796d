"""Reads of cooperation plans that the public pages share."""

from plans.models import CooperationPlan, Kind, PlanActivity


def published_plans(government):
    """``government``'s published plans, latest year first (a government's page lists them)."""
    return list(CooperationPlan.objects.published().for_government(government).only("pk", "year", "title"))


def activities_by_kind(plan):
    """(kind label, activities) for each kind of cooperation the plan holds, NEAR's first.

    Read in three queries: the activities with their measures, their committees, their governments.
    """
    activities = list(PlanActivity.objects.filter(measure__plan=plan).for_page())
    return [
        (kind, label, [activity for activity in activities if activity.kind == kind])
        for kind, label in Kind.choices
        if any(activity.kind == kind for activity in activities)
    ]
