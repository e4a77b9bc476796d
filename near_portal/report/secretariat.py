"""Writes to the secretariat's description in the annual reports."""

from django.db import transaction

from near_portal.report.models import SecretariatPost, SecretariatProfile

# What a copy leaves behind: identity, the year and the link to the profile.
NOT_COPIED = {"id", "year", "profile"}


def copied_values(instance):
    """The instance's field values (every language's column included), except identity and year."""
    return {
        field.attname: getattr(instance, field.attname)
        for field in instance._meta.concrete_fields
        if field.name not in NOT_COPIED
    }


@transaction.atomic
def copy_secretariat(*, profile: SecretariatProfile, year: int) -> SecretariatProfile:
    """Start ``year``'s secretariat entry as a copy of ``profile`` and its posts, for staff to edit."""
    copy = SecretariatProfile(year=year, **copied_values(profile))
    copy.full_clean()
    copy.save()
    for post in profile.posts.all():
        new_post = SecretariatPost(profile=copy, **copied_values(post))
        new_post.full_clean()
        new_post.save()
    return copy
