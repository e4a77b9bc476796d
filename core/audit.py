"""The audit trail (django-simple-history): which models keep one, and how to tell them apart.

Every model of ``settings.NEAR_RECORD_APPS`` keeps its history, except those listed in
``NOT_AUDITED`` with the reason. How an app registers its models:

* a model with translated fields (modeltranslation): in the app's ``translation.py``, after
  the translation options are registered, ``simple_history.register(Model)`` (so the
  history has the ``name_en``, ``name_mn``, ... columns: simple-history's documented way);
* any other model: ``history = HistoricalRecords()`` among its fields;
* its admin: ``class ModelAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin)`` (or
  ``SimpleHistoryAdmin`` alone), which adds the "History" page: who changed what, when;
* then ``makemigrations <app>``.

tests/near_portal/test_audit.py checks every model of ``AUDITED_APPS`` by this rule.
"""

from django.apps import apps
from django.conf import settings
from simple_history.models import HistoricalChanges, registered_models

# The apps whose models keep a history: the whole record. The rule's test covers them.
AUDITED_APPS = tuple(settings.NEAR_RECORD_APPS)

# Lower-case model labels that keep no history, with the reason.
NOT_AUDITED = {
    # Ballots are append-only: never edited, never deleted; the row is its own record.
    "assemblies.ballot": "append-only",
    # A generated PDF: the row itself says who requested it and when it was generated and
    # published; the worker process, not a person, writes the rest.
    "near_portal.reportedition": "generated",
}


def is_history_model(model) -> bool:
    """A model of the audit trail itself (simple-history's Historical...)."""
    return issubclass(model, HistoricalChanges)


def has_history(model) -> bool:
    """Whether saves of ``model`` are recorded in its history."""
    return model._meta.db_table in registered_models


def record_unrecorded_rows(*, reason: str) -> int:
    """Bring the audit trail up to the rows as they stand, for writes that bypassed it.

    ``loaddata`` saves rows "raw", which simple-history does not record. A row without any
    history gets a creation record ("+"), a row that differs from its latest record a change
    record ("~"), both with ``reason``. Returns how many records were written.
    """
    written = 0
    for model in apps.get_models():
        if not has_history(model) or model._meta.proxy:
            continue
        history = model.history
        tracked = [field.attname for field in history.model.tracked_fields]
        pk_name = model._meta.pk.attname
        latest = {
            row[pk_name]: tuple(row[name] for name in tracked)
            for row in history.model.objects.order_by(pk_name, "-history_date", "-history_id")
            .distinct(pk_name)
            .values(*tracked)
        }
        created, changed = [], []
        for obj in model._default_manager.all():
            state = tuple(getattr(obj, name) for name in tracked)
            if obj.pk not in latest:
                created.append(obj)
            elif latest[obj.pk] != state:
                changed.append(obj)
        history.bulk_history_create(created, default_change_reason=reason)
        history.bulk_history_create(changed, update=True, default_change_reason=reason)
        written += len(created) + len(changed)
    return written
