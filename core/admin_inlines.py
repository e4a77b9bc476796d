"""Admin inlines whose rows cost no query each: a change form reads the same number of queries for 3 rows or 80.

Django renders every row of an inline on its own: an autocomplete reads the row's selected
object, a plain select reads every choice, and the row's title (``__str__``) follows its
foreign keys. ``FixedQueriesInlineMixin`` reads each of these once for the whole formset:

* ``row_select_related`` (like ``list_select_related``) and ``row_prefetch_related``: the
  relations the rows' titles and read-only fields follow;
* autocompletes get their selected objects from one query per field (``PreloadedAutocompleteSelect``);
* plain selects of a foreign key evaluate their choices once and share them.
"""

from django.contrib.admin.widgets import AutocompleteSelect
from django.forms import ModelChoiceField, Select


class PreloadedAutocompleteSelect(AutocompleteSelect):
    """An autocomplete whose selected option comes from ``preloaded`` (read once for the formset) when it holds it."""

    preloaded = None  # {str(pk): object}, set by FixedQueriesInlineMixin

    def optgroups(self, name, value, attr=None):
        selected = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if self.preloaded is None or not set(selected) <= self.preloaded.keys():
            return super().optgroups(name, value, attr)
        default = (None, [], 0)
        if not self.is_required and not self.allow_multiple_selected:
            default[1].append(self.create_option(name, "", "", False, 0))
        label = self.choices.field.label_from_instance
        for key in selected:
            default[1].append(
                self.create_option(name, self.preloaded[key].pk, label(self.preloaded[key]), True, len(default[1]))
            )
        return [default]


def unwrapped(widget):
    """The widget inside the admin's RelatedFieldWidgetWrapper (the add and change links), or the widget itself."""
    return getattr(widget, "widget", widget)


def shared_values(forms):
    """What ``forms`` (rows of one formset) may share: {field name: ("preloaded", {pk: object}) or ("choices", [...])}.

    One query per autocomplete (the objects all rows selected) and per plain select (its choices).
    """
    values = {}
    for name, field in forms[0].fields.items():
        if not isinstance(field, ModelChoiceField):
            continue
        widget = unwrapped(field.widget)
        if isinstance(widget, PreloadedAutocompleteSelect):
            keys = {str(form[name].value()) for form in forms} - {str(v) for v in field.empty_values} - {"None"}
            values[name] = (
                "preloaded",
                {str(obj.pk): obj for obj in field.queryset.filter(pk__in=keys)} if keys else {},
            )
        elif type(widget) is Select:  # not the rows' hidden primary keys, not a multiple choice
            values[name] = ("choices", list(iter(field.choices)))  # iter(): list() would ask len(), a COUNT
    return values


def apply_shared(forms, values):
    for form in forms:
        for name, (kind, value) in values.items():
            if kind == "preloaded":
                unwrapped(form.fields[name].widget).preloaded = value
            else:
                form.fields[name].choices = value  # the field's (and the admin wrapper's) choices
                unwrapped(form.fields[name].widget).choices = value


class FixedQueriesInlineMixin:
    """For an InlineModelAdmin: its rows' titles, autocompletes and selects read once per formset, not once per row."""

    row_select_related = ()
    row_prefetch_related = ()  # e.g. a generic foreign key the rows show

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if self.row_select_related:
            queryset = queryset.select_related(*self.row_select_related)
        if self.row_prefetch_related:
            queryset = queryset.prefetch_related(*self.row_prefetch_related)
        return queryset

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = PreloadedAutocompleteSelect(db_field, self.admin_site, using=kwargs.get("using"))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)

        class SharedChoicesFormSet(formset):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._shared = None
                apply_shared(self.forms, self.shared())

            def shared(self):
                if self._shared is None:
                    self._shared = shared_values(self.forms or [super().empty_form])
                return self._shared

            @property
            def empty_form(self):
                form = super().empty_form
                apply_shared([form], self.shared())
                return form

        SharedChoicesFormSet.__name__ = formset.__name__
        return SharedChoicesFormSet
