"""Admin of the liaison officers' accounts: invite a liaison contact, send the invitation again, revoke."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from import_export import fields, resources
from import_export.admin import ExportMixin

from core.history_admin import RecordHistoryAdmin
from core.importexport import FormulaEscapingResourceMixin
from liaison.accounts import check_invitable, invite_officer, revoke_officer
from liaison.models import DelegateRegistration, OfficerAccount
from liaison.registration import record_participation


class InvitationForm(forms.ModelForm):
    """Adding an account: the liaison contact to invite."""

    class Meta:
        model = OfficerAccount
        fields = ["contact"]

    def clean_contact(self):
        contact = self.cleaned_data["contact"]
        check_invitable(contact)
        return contact


@admin.register(OfficerAccount)
class OfficerAccountAdmin(RecordHistoryAdmin):
    list_display = ("contact", "member", "status", "invited_at", "accepted_at", "revoked_at")
    list_filter = ("contact__member__country",)
    search_fields = ("contact__name", "contact__email", "contact__member__name")
    list_select_related = ("contact__member", "user")
    autocomplete_fields = ("contact",)
    readonly_fields = ("user", "invited_at", "invited_by", "accepted_at", "revoked_at", "revoked_by")
    actions = ["send_invitation", "revoke"]

    @admin.display(description=_("member government"), ordering="contact__member__name")
    def member(self, account):
        return account.contact.member

    @admin.display(description=_("status"))
    def status(self, account):
        return account.status

    def get_form(self, request, obj=None, **kwargs):
        if obj is None:
            kwargs["form"] = InvitationForm
        return super().get_form(request, obj, **kwargs)

    def get_fields(self, request, obj=None):
        return ("contact",) if obj is None else ("contact", *self.readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        return () if obj is None else ("contact", *self.readonly_fields)

    def has_delete_permission(self, request, obj=None):
        return False  # revoked, never deleted

    def save_model(self, request, obj, form, change):
        """Adding an account is inviting its contact: the service creates the user and sends the e-mail."""
        if change:
            return
        account = invite_officer(
            contact=form.cleaned_data["contact"], acting_user=request.user, base_url=request.build_absolute_uri("/")
        )
        obj.pk = account.pk
        messages.success(request, _("The invitation is sent to %(email)s.") % {"email": account.contact.email})

    def save_related(self, request, form, formsets, change):
        pass  # nothing to save beside the account, which invite_officer wrote

    def log_addition(self, request, obj, message):
        return super().log_addition(request, OfficerAccount.objects.get(pk=obj.pk), message)

    def message_user(self, request, message, level=messages.INFO, *args, **kwargs):
        # The add view's "was added successfully" would repeat the invitation's message.
        if request.path.endswith("/add/") and level == messages.SUCCESS:
            return
        super().message_user(request, message, level, *args, **kwargs)

    @admin.action(description=_("Send the invitation again (earlier links stop working)"), permissions=["change"])
    def send_invitation(self, request, queryset):
        sent = 0
        for account in queryset.select_related("contact__member"):
            try:
                invite_officer(
                    contact=account.contact, acting_user=request.user, base_url=request.build_absolute_uri("/")
                )
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                sent += 1
        if sent:
            message = ngettext("%(count)d invitation sent.", "%(count)d invitations sent.", sent) % {"count": sent}
            self.message_user(request, message, messages.SUCCESS)

    @admin.action(description=_("Revoke the selected officers' accounts"), permissions=["change"])
    def revoke(self, request, queryset):
        revoked = 0
        for account in queryset.filter(revoked_at__isnull=True).select_related("user"):
            revoke_officer(account=account, acting_user=request.user)
            revoked += 1
        message = ngettext("%(count)d account revoked.", "%(count)d accounts revoked.", revoked) % {"count": revoked}
        self.message_user(request, message, messages.SUCCESS)


class DelegateRegistrationResource(FormulaEscapingResourceMixin, resources.ModelResource):
    """The list of delegates for the secretariat's spreadsheet."""

    event = fields.Field(attribute="event__title", column_name="event")
    member = fields.Field(attribute="member__name", column_name="member")
    languages = fields.Field(column_name="languages")

    class Meta:
        model = DelegateRegistration
        fields = ("event", "member", "name", "post", "languages", "arrival", "registered_at")
        export_order = fields

    def dehydrate_languages(self, registration):
        return ", ".join(registration.languages)


@admin.register(DelegateRegistration)
class DelegateRegistrationAdmin(ExportMixin, RecordHistoryAdmin):
    resource_classes = [DelegateRegistrationResource]
    list_display = ("name", "member", "event", "post", "arrival", "registered_at")
    # Only the events that have registrations, not every event the record holds.
    list_filter = (("event", admin.RelatedOnlyFieldListFilter), "member__country")
    search_fields = ("name", "member__name", "event__title")
    list_select_related = ("event", "member")
    autocomplete_fields = ("event", "member")
    readonly_fields = ("registered_by", "registered_at")
    actions = ["record_participation"]

    @admin.action(
        description=_("Record the events' participation from their registrations"),
        permissions=["record_participation"],
    )
    def record_participation(self, request, queryset):
        events = {registration.event for registration in queryset.select_related("event")}
        for event in sorted(events, key=lambda event: event.start_date):
            try:
                recorded = record_participation(event=event, today=timezone.localdate())
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
                continue
            message = ngettext(
                "%(event)s: %(count)d government recorded.", "%(event)s: %(count)d governments recorded.", len(recorded)
            ) % {"event": event, "count": len(recorded)}
            self.message_user(request, message, messages.SUCCESS)

    def has_record_participation_permission(self, request):
        return request.user.has_perms(["events.add_participation", "events.change_participation"])
