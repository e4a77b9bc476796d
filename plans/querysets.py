"""Reads of cooperation plans that the public pages share."""

from plans.models import CooperationPlan, Kind, PlanActivity


def published_plans(government):
    """``government``'s published plans, latest year first (a government's page lists them)."""
    return list(CooperationPlan.objects.published().for_government(government).only("pk", "year", "title"))


def activities_by_kind(plan):
    """(kind, label, count, [(measure, its activities of that kind)]) for each kind of
    cooperation the plan holds: NEAR cooperation first, then between members, then outside NEAR.

    Read in three queries: the activities with their measures, their committees, their governments.
    """
    activities = list(PlanActivity.objects.filter(measure__plan=plan).for_page())
    groups = []
    for kind, label in Kind.choices:
        of_kind = [activity for activity in activities if activity.kind == kind]
        if of_kind:
            measures = {}
            for activity in of_kind:
                measures.setdefault(activity.measure, []).append(activity)
            groups.append((kind, label, len(of_kind), list(measures.items())))
    return groups
