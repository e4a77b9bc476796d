"""What a browser would post back from an admin add or change page, read from the page's forms."""


def admin_form_data(response) -> dict:
    """The POST data of the admin form in ``response`` as it stands (main form, inline formsets)."""
    forms = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        forms.append(inline.formset.management_form)
        forms.extend(inline.formset.forms)
    data = {}
    for form in forms:
        for name in form.fields:
            value = form[name].value()
            if value is None:
                continue
            if isinstance(value, bool):
                value = "true" if value else "false"
            data[form.add_prefix(name)] = value
    return data
