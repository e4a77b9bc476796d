"""Inviting, admitting and revoking liaison officers.

An invitation is a signed, timestamped link (``django.core.signing``) that expires after
``LIAISON_INVITATION_MAX_AGE`` seconds. It carries a digest of the officer's password as it
stood when the link was made, so the link works once: setting the password, a new invitation
or a revocation (each changes the password) makes every earlier link void.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext as _

from core.languages import LANGUAGE_CODES
from liaison.models import OfficerAccount
from members.models import LiaisonContact

SALT = "liaison.invitation"


def _password_digest(user) -> str:
    return salted_hmac(SALT, user.password).hexdigest()[:32]


def invitation_token(account: OfficerAccount) -> str:
    return signing.dumps({"account": account.pk, "key": _password_digest(account.user)}, salt=SALT)


def account_for_token(token: str) -> OfficerAccount | None:
    """The account an unexpired, unused invitation link is for; None for any other link."""
    try:
        data = signing.loads(token, salt=SALT, max_age=settings.LIAISON_INVITATION_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    if not isinstance(data, dict):
        return None
    account = (
        OfficerAccount.objects.select_related("user", "contact__member")
        .filter(pk=data.get("account"), revoked_at__isnull=True)
        .first()
    )
    if account is None or not constant_time_compare(str(data.get("key")), _password_digest(account.user)):
        return None
    return account


def invitation_language(contact: LiaisonContact) -> str:
    """The contact's first language the portal speaks, else English."""
    return next((code for code in contact.languages if code in LANGUAGE_CODES), settings.LANGUAGE_CODE)


def check_invitable(contact: LiaisonContact, account: OfficerAccount | None = None) -> None:
    """Why ``contact`` cannot be invited, as a ValidationError: no e-mail, or its name is another account's."""
    if not contact.email:
        raise ValidationError(_("%(contact)s has no e-mail address to send the invitation to.") % {"contact": contact})
    others = get_user_model().objects.filter(username=contact.email.lower())
    if account is not None:
        others = others.exclude(pk=account.user_id)
    if others.exists():
        raise ValidationError(
            _("An account named %(username)s already exists; it cannot become a liaison officer's.")
            % {"username": contact.email.lower()}
        )


@transaction.atomic
def invite_officer(*, contact: LiaisonContact, acting_user, base_url: str) -> OfficerAccount:
    """Create (or renew) the contact's officer account and e-mail an invitation link.

    The account stays inactive with an unusable password until the officer sets one. Inviting
    again after a revocation reopens the account; an earlier link stops working.
    """
    account = OfficerAccount.objects.select_for_update().filter(contact=contact).first()
    check_invitable(contact, account)
    user_model = get_user_model()
    username = contact.email.lower()
    if account is None:
        user = user_model(username=username, email=contact.email, is_active=False, is_staff=False)
        account = OfficerAccount(contact=contact)
    else:
        user = account.user
        user.username = username
        user.is_active = False
        user.email = contact.email
    user.set_unusable_password()
    user.save()
    account.user = user
    account.invited_at = timezone.now()
    account.invited_by = acting_user
    account.accepted_at = None
    account.revoked_at = None
    account.revoked_by = None
    account.full_clean()
    account.save()
    language = invitation_language(contact)
    with translation.override(language):
        link = base_url.rstrip("/") + reverse("liaison:accept", args=[invitation_token(account)])
        context = {
            "contact": contact,
            "member": contact.member,
            "link": link,
            "days": settings.LIAISON_INVITATION_MAX_AGE // 86400,
        }
        subject = _("Your invitation to the NEAR portal for %(member)s") % {"member": contact.member}
        body = render_to_string("liaison/invitation_email.txt", context)
    transaction.on_commit(lambda: send_mail(subject, body, None, [contact.email]))
    return account


@transaction.atomic
def accept_invitation(*, account: OfficerAccount, password: str) -> OfficerAccount:
    """The officer sets a password (already checked by the password validators): the account opens."""
    user = account.user
    user.set_password(password)
    user.is_active = True
    user.save()
    account.accepted_at = timezone.now()
    account.full_clean()
    account.save()
    return account


@transaction.atomic
def revoke_officer(*, account: OfficerAccount, acting_user) -> OfficerAccount:
    """Close the account: its sessions end at their next request and its invitation link stops working."""
    user = account.user
    user.is_active = False
    user.set_unusable_password()
    user.save()
    account.revoked_at = timezone.now()
    account.revoked_by = acting_user
    account.full_clean()
    account.save()
    return account


def officer_account(user) -> OfficerAccount | None:
    """The active officer account of a signed-in user, with its government; None for anyone else."""
    if not user.is_authenticated or user.is_staff:
        return None
    return OfficerAccount.objects.active().select_related("contact__member__country").filter(user=user).first()
