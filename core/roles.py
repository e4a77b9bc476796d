"""Staff roles: which group may view, add, change or delete which model, by rule.

Three groups besides superusers (created by migration ``core.0001_initial`` and
kept in step by ``sync_roles`` after every ``migrate``, so models added later are covered
without a new migration):

* **Secretariat editor**: everything of the association's record except dues.
* **Finance officer**: dues; reads the rest of the record.
* **Auditor**: reads everything: the record, staff accounts and sign-in logs.

The record is every model of ``settings.NEAR_RECORD_APPS``; the dues are the models of
``settings.NEAR_FINANCE_APPS`` (the ``dues`` app). Nobody deletes a ballot, payment, resolution or
amendment: they are annulled or reversed, with a reason. History records are written by the
audit trail only. A model's own extra permissions (``Meta.permissions``) go with "change".
Staff accounts and groups are managed by superusers only: an editor who could edit users
could make themselves a superuser.
"""

from django.apps import apps as global_apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission

from core.audit import is_history_model

EDITOR = "Secretariat editor"
FINANCE = "Finance officer"
AUDITOR = "Auditor"
ROLES = (EDITOR, FINANCE, AUDITOR)

# Annulled or reversed with a reason, never deleted. Labels of models that may not exist yet.
# A liaison officer's account is revoked, never deleted: its row says who invited and revoked it.
NEVER_DELETED = frozenset(
    {"assemblies.ballot", "dues.payment", "assemblies.resolution", "instruments.amendment", "liaison.officeraccount"}
)
# Besides the record, what the auditor reads: staff accounts and groups, sign-in attempts.
AUDITOR_ALSO_READS = ("auth", "axes")

ALL_ACTIONS = frozenset({"view", "add", "change", "delete"})


def dues_models() -> frozenset[str]:
    """Lower-case labels of the dues models: every model of ``settings.NEAR_FINANCE_APPS``."""
    return frozenset(
        model._meta.label_lower
        for app_label in settings.NEAR_FINANCE_APPS
        if global_apps.is_installed(app_label)
        for model in global_apps.get_app_config(app_label).get_models()
    )


def allowed_actions(role: str, model) -> frozenset[str]:
    """What members of ``role`` may do with ``model``: a subset of view, add, change, delete."""
    if is_history_model(model):
        return frozenset()  # read through the record's own history page, with its permissions
    return actions_for_label(role, model._meta.label_lower)


def actions_for_label(role: str, label: str) -> frozenset[str]:
    """``allowed_actions`` for a model known by its lower-case label ("dues.payment")."""
    app_label = label.split(".")[0]
    in_record = app_label in settings.NEAR_RECORD_APPS
    full = ALL_ACTIONS - {"delete"} if label in NEVER_DELETED else ALL_ACTIONS
    is_dues = app_label in settings.NEAR_FINANCE_APPS  # the models dues_models() lists
    if role == EDITOR:
        return full if in_record and not is_dues else frozenset()
    if role == FINANCE:
        if is_dues:
            return full
        return frozenset({"view"}) if in_record else frozenset()
    if role == AUDITOR:
        return frozenset({"view"}) if in_record or app_label in AUDITOR_ALSO_READS else frozenset()
    raise ValueError(f"Unknown role {role!r}")


def permission_action(permission, model) -> str:
    """view, add, change or delete; a model's own extra permissions count as change."""
    action, _sep, model_name = permission.codename.partition("_")
    if action in ALL_ACTIONS and model_name == model._meta.model_name:
        return action
    return "change"


def role_permissions(role: str, permissions) -> list[Permission]:
    """The permissions among ``permissions`` (content types selected) that ``role`` holds."""
    granted = []
    for permission in permissions:
        try:
            model = global_apps.get_model(permission.content_type.app_label, permission.content_type.model)
        except LookupError:
            continue  # the stale content type of a removed model
        if permission_action(permission, model) in allowed_actions(role, model):
            granted.append(permission)
    return granted


def sync_roles(using="default", **kwargs) -> None:
    """Create the three groups if missing and give each exactly the permissions its rule grants.

    Connected to ``post_migrate``: Django sends it once per app after every ``migrate`` (and
    after ``flush``), each time after creating that app's permissions, so the last call sees
    them all.
    """
    permissions = list(Permission.objects.using(using).select_related("content_type"))
    for role in ROLES:
        group, _created = Group.objects.using(using).get_or_create(name=role)
        wanted = {permission.pk for permission in role_permissions(role, permissions)}
        if wanted != set(group.permissions.values_list("pk", flat=True)):
            group.permissions.set(wanted)
