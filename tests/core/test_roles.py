"""Staff roles: each group sees, adds, changes and deletes in the admin exactly what its rule
says, and gets 403 elsewhere. Parametrised over the admin registry, so every model an app
registers is covered without a new test."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

from core import roles

pytestmark = pytest.mark.django_db

ADMIN_MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label_lower)
# The record: the apps of the association, its documents, the officers' accounts and the annual report.
RECORD_APPS = {
    "members",
    "committees",
    "events",
    "dues",
    "instruments",
    "assemblies",
    "documents",
    "plans",
    "liaison",
    "near_portal",
}
# The words: annulled or reversed with a reason, never deleted.
NEVER_DELETED = {
    "assemblies.ballot",
    "dues.payment",
    "assemblies.resolution",
    "instruments.amendment",
    "liaison.officeraccount",
}


# Actions that write another model's rows, by the permission they declare: that model, and what
# a role must be allowed to do with it.
WRITES_OTHER_MODELS = {"record_participation": ("events.Participation", {"add", "change"})}


def intended(role, model):
    """The rule as the secretariat stated it, restated independently of core.roles."""
    label, app = model._meta.label_lower, model._meta.app_label
    everything = {"view", "add", "change", "delete"} - ({"delete"} if label in NEVER_DELETED else set())
    is_dues = label in roles.dues_models()
    if role == roles.EDITOR:
        return everything if app in RECORD_APPS and not is_dues else set()
    if role == roles.FINANCE:
        return everything if is_dues else ({"view"} if app in RECORD_APPS else set())
    # Auditor: reads everything, staff accounts and sign-in logs included.
    return {"view"} if app in RECORD_APPS | {"auth", "axes"} else set()


def admin_allows_anyone(model, action, superuser, obj=None):
    """Some admins forbid an action to everybody (axes' logs cannot be added, a closed poll
    cannot be changed): what a superuser may do with the model, or with ``obj``."""
    request = RequestFactory().get("/admin/")
    request.user = superuser
    check = getattr(admin.site._registry[model], f"has_{action}_permission")
    return check(request) if action == "add" or obj is None else check(request, obj)


def some_object(model, superuser):
    """A row to open, preferably one the admin lets anybody change (an open poll, not a closed one)."""
    rows = list(model._default_manager.order_by("pk")[:20])
    changeable = [obj for obj in rows if admin_allows_anyone(model, "change", superuser, obj)]
    return (changeable or rows or [None])[0]


def admin_url(opts, page, *args):
    """The admin page, or None when this admin has none (the annual reports' single page)."""
    try:
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_{page}", args=args)
    except NoReverseMatch:
        return None


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda model: model._meta.label_lower)
def test_each_role_can_do_in_the_admin_exactly_what_its_rule_says(client, staff_in_role, admin_user, role, model):
    opts = model._meta
    allowed = {action for action in intended(role, model) if admin_allows_anyone(model, action, admin_user)}
    client.force_login(staff_in_role(role))
    obj = some_object(model, admin_user)
    object_id = str(obj.pk) if obj else "0"  # an unknown id: the permission check comes first
    # What the admin allows on this very row (nothing more than the rule, maybe less).
    on_object = {action for action in allowed if admin_allows_anyone(model, action, admin_user, obj)}

    changelist = client.get(admin_url(opts, "changelist"))
    assert changelist.status_code == (200 if allowed & {"view", "change"} else 403)

    if add_url := admin_url(opts, "add"):
        assert client.get(add_url).status_code == (200 if "add" in allowed else 403)

    if change_url := admin_url(opts, "change", object_id):
        change_post = client.post(change_url, {})
        if "change" in on_object:
            assert change_post.status_code in (200, 302)  # the form with its errors, or "no such object"
        else:
            assert change_post.status_code == 403
        if obj is not None and allowed & {"view", "change"}:
            page = client.get(change_url)
            assert page.status_code == 200
            assert ('name="_save"' in page.content.decode()) == ("change" in on_object)

    if delete_url := admin_url(opts, "delete", object_id):
        delete = client.get(delete_url)
        assert delete.status_code in ((200, 302) if "delete" in on_object else (403,))


def test_the_rule_covers_models_the_groups_did_not_know_at_migration_time():
    editor = Group.objects.get(name=roles.EDITOR)
    editor.permissions.clear()
    Group.objects.filter(name=roles.AUDITOR).delete()
    call_command("migrate", verbosity=0)  # nothing to apply: post_migrate still runs the rule
    assert editor.permissions.filter(codename="change_membergovernment").exists()
    assert Group.objects.get(name=roles.AUDITOR).permissions.filter(codename="view_user").exists()


@pytest.mark.parametrize("label", sorted(NEVER_DELETED))
@pytest.mark.parametrize("role", roles.ROLES)
def test_nobody_may_delete_ballots_payments_resolutions_or_amendments(role, label):
    assert "delete" not in roles.actions_for_label(role, label)


def test_only_superusers_manage_staff_accounts():
    from django.contrib.auth.models import User

    assert roles.allowed_actions(roles.EDITOR, User) == frozenset()
    assert roles.allowed_actions(roles.FINANCE, User) == frozenset()
    assert roles.allowed_actions(roles.AUDITOR, User) == frozenset({"view"})


def declared_actions():
    """Every action of every registered admin, the site-wide "delete selected" included."""
    cases = []
    for model in ADMIN_MODELS:
        model_admin = admin.site._registry[model]
        for function, name, _description in model_admin._get_base_actions():
            cases.append((model, name, function))
    return cases


@pytest.mark.parametrize("role", roles.ROLES)
@pytest.mark.parametrize(
    "model, name, function", declared_actions(), ids=lambda value: value if isinstance(value, str) else None
)
def test_every_admin_action_is_offered_and_run_only_for_roles_with_its_permissions(
    staff_in_role, django_user_model, role, model, name, function
):
    from near_portal.admin_site import is_portal_admin

    model_admin = admin.site._registry[model]
    # The portal's own actions say what they need; an undeclared (third-party) one needs "change".
    needed = tuple(getattr(function, "allowed_permissions", None) or ())
    assert needed or not is_portal_admin(type(model_admin))
    needed = needed or ("change",)
    request = RequestFactory().post("/admin/")
    request.user = staff_in_role(role)
    superuser = django_user_model.objects.create_superuser("root-for-actions", "root@near.example", None)
    standard = [permission for permission in needed if permission in {"view", "add", "change", "delete"}]
    may = set(standard) <= intended(role, model) and all(
        admin_allows_anyone(model, permission, superuser) for permission in standard
    )
    # An action that writes another app's rows names its own permission: the role needs those rows' actions.
    for permission in set(needed) - set(standard):
        other_model, actions = WRITES_OTHER_MODELS[permission]
        may = may and actions <= intended(role, apps.get_model(other_model))
    # The list offers an action, and changelist_view runs a POSTed one, only from get_actions.
    assert (name in model_admin.get_actions(request)) is may


def test_an_admin_action_without_declared_permissions_cannot_be_registered():
    from django.core.exceptions import ImproperlyConfigured

    from near_portal.admin_site import PortalAdminSite

    @admin.action(description="Close everything")
    def close_everything(modeladmin, request, queryset):
        pass

    class CarelessAdmin(admin.ModelAdmin):
        actions = [close_everything]

    CarelessAdmin.__module__ = "members.admin"  # as if one of the portal's apps declared it

    with pytest.raises(ImproperlyConfigured, match="must declare the permissions it needs"):
        PortalAdminSite(name="careless").register(Group, CarelessAdmin)
