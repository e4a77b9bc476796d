"""The sections whose data the report itself holds or reads from the members list: messages,
membership changes, the secretariat, the member list.

Each returns None when its data does not exist for the year, so the section is left out.

The other sections of the outline have their providers next to this module, each reading
its app: ``activities`` (instruments: ``assemblies``; committees: ``committees``; events:
``committee_meetings``, ``workshops_forums``, ``youth``, ``external_cooperation``),
``finances`` (members' dues: ``dues``) and ``appendix`` (governance instruments:
``charter``, ``committee_regulation``, ``dues_regulation``), all listed in
``sections.PROVIDER_MODULES``.
"""

from django.utils.translation import gettext_lazy as _

from members.models import MembershipType
from members.querysets import undated_in_effect
from near_portal.report import data
from near_portal.report.sections import ReportRequest, SectionContent, provides

# The secretariat's descriptive subsections, in the order of the 2018 edition.
SECRETARIAT_TEXTS = [
    ("establishment", _("Establishment")),
    ("organisation", _("Organisation")),
    ("budget", _("Budget")),
]


@provides("messages")
def messages(report: ReportRequest):
    """The Chair's and the Secretary-General's messages written in the report's language."""
    found = data.messages(report.year, report.language)
    return SectionContent("report/sections/messages.html", {"messages": found}) if found else None


@provides("membership_changes")
def membership_changes(report: ReportRequest):
    """Admissions, changes of type and departures dated in the year, and the membership on 31 December."""
    events = data.membership_events(report.year)
    if not events:
        return None
    listed = data.members_by_country(report.end)
    return SectionContent(
        "report/sections/membership_changes.html",
        {"events": events, **membership_counts(listed, report.end)},
    )


@provides("secretariat")
def secretariat(report: ReportRequest):
    """Set-up, organisation, budget, duties and staff, as entered for the year."""
    profile = data.secretariat(report.year)
    if profile is None:
        return None
    posts = list(profile.posts.all())
    texts = [(title, (getattr(profile, field) or "").strip()) for field, title in SECRETARIAT_TEXTS]
    subsections = [(title, text) for title, text in texts if text]
    if not (subsections or profile.duty_list() or posts):
        return None
    return SectionContent(
        "report/sections/secretariat.html",
        {"subsections": subsections, "duties": profile.duty_list(), "posts": posts},
    )


@provides("member_list")
def member_list(report: ReportRequest):
    """Members and associate members on 31 December, by country (appendix)."""
    listed = data.members_by_country(report.end)
    if not any(listed.values()):
        return None
    return SectionContent(
        "report/sections/member_list.html",
        {
            "member_groups": [
                {
                    "country": group["country"],
                    "count": len(group["governments"]),
                    "rows": two_columns(group["governments"]),
                }
                for group in listed[MembershipType.MEMBER]
            ],
            "associates": [
                (government, group["country"])
                for group in listed[MembershipType.ASSOCIATE]
                for government in group["governments"]
            ],
            **membership_counts(listed, report.end),
        },
    )


def two_columns(items):
    """Rows of (number, item) pairs read down the left column, then down the right one.

    A two-cell table lays out far faster in WeasyPrint than CSS columns, and its rows
    never split across pages. Numbers restart at 1 for each list, as in the 2018 edition.
    """
    numbered = list(enumerate(items, start=1))
    half = (len(numbered) + 1) // 2
    left, right = numbered[:half], numbered[half:]
    return [(pair, right[index] if index < len(right) else None) for index, pair in enumerate(left)]


def membership_counts(listed, on):
    """Members, associate members and the members' countries on ``on``, from ``data.members_by_country``.

    ``undated_not_counted``: before ``UNDATED_STANDING_FROM`` the governments whose admission the
    record does not date are not counted, and the report says so.
    """
    members = listed[MembershipType.MEMBER]
    return {
        "undated_not_counted": not undated_in_effect(on),
        "member_count": sum(len(group["governments"]) for group in members),
        "member_country_count": len(members),
        "associate_count": sum(len(group["governments"]) for group in listed[MembershipType.ASSOCIATE]),
    }
