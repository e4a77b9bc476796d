"""The outline of the annual report and the registry of its section providers.

The outline follows the 2018 edition (seed 003, its contents): message; main activities
(I. General Assembly, II. committees, III. working-level workshop, IV. youth programmes);
international cooperation; the secretariat; the appendix (Charter, Committee Regulation,
Dues Regulation, member list). Membership changes and dues, which issue 8 adds, come
before the secretariat.

A provider is a function ``provider(report: ReportRequest) -> SectionContent | None``
registered with ``@provides("key")``. It returns None when its data does not exist for the
year, and the section is then left out: the report never prints a placeholder. A section
with no registered provider is left out too. A part whose sections are all left out is
left out with its heading. Numbers (I, II...; 1, 2...) are given to the sections present.

To add a section: write its provider in a module listed in ``PROVIDER_MODULES`` and its
template in ``templates/report/sections/``.
"""

import datetime
from dataclasses import dataclass, field
from importlib import import_module

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# Modules whose ``@provides`` functions are the report's sections.
PROVIDER_MODULES = [
    "near_portal.report.providers",
    "near_portal.report.activities",
    "near_portal.report.finances",
    "near_portal.report.appendix",
]

ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]


@dataclass(frozen=True)
class ReportRequest:
    """The annual report of fiscal ``year`` (1 January to 31 December) in ``language``."""

    year: int
    language: str

    def __post_init__(self):
        if self.language not in dict(settings.LANGUAGES):
            raise ValueError(f"Unknown language {self.language!r}")

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def end(self) -> datetime.date:
        """31 December: the date the report's lists and instruments are taken on."""
        return datetime.date(self.year, 12, 31)


@dataclass(frozen=True)
class SectionContent:
    """What a provider returns: the template of its section and that template's context."""

    template: str
    context: dict


@dataclass(frozen=True)
class Section:
    """A place in the outline. ``title`` None: the section sits directly under its part's heading."""

    key: str
    title: Promise | None = None


@dataclass(frozen=True)
class Part:
    """A part of the report with its heading (a page of its own); ``numbering``: "roman", "arabic" or None."""

    key: str
    title: Promise
    sections: tuple[Section, ...]
    numbering: str | None = None


OUTLINE = (
    Part("messages", _("Messages"), (Section("messages"),)),
    Part(
        "activities",
        _("Main activities of the association"),
        (
            Section("assemblies", _("General Assembly and Working Committee")),
            Section("committees", _("Specialized committees")),
            Section("committee_meetings", _("Committee meetings in %(year)s")),
            Section("workshops_forums", _("Working-level workshops and forums")),
            Section("youth", _("Youth programmes")),
        ),
        numbering="roman",
    ),
    Part("cooperation", _("International cooperation"), (Section("external_cooperation"),)),
    Part("membership", _("Membership"), (Section("membership_changes"),)),
    Part("dues", _("Dues"), (Section("dues"),)),
    Part("secretariat", _("The Secretariat"), (Section("secretariat"),)),
    Part(
        "appendix",
        _("Appendix"),
        (
            Section("charter", _("Charter, as in force on 31 December %(year)s")),
            Section("committee_regulation", _("Committee Regulation, as in force on 31 December %(year)s")),
            Section("dues_regulation", _("Dues Regulation, as in force on 31 December %(year)s")),
            Section("member_list", _("Member governments on 31 December %(year)s")),
        ),
        numbering="arabic",
    ),
)

SECTION_KEYS = [section.key for part in OUTLINE for section in part.sections]

_providers = {}


def provides(key):
    """Register the decorated function as the provider of section ``key`` of the outline."""
    if key not in SECTION_KEYS:
        raise ValueError(f"{key!r} is not a section of the annual report's outline")

    def register(function):
        if _providers.get(key, function) is not function:
            raise ValueError(f"Section {key!r} already has a provider")
        _providers[key] = function
        return function

    return register


def providers():
    """Section key -> provider, once every module of ``PROVIDER_MODULES`` is imported."""
    for module in PROVIDER_MODULES:
        import_module(module)
    return dict(_providers)


@dataclass
class RenderedSection:
    """A section as the document prints it: numbered heading (empty when untitled) and HTML."""

    key: str
    title: str
    number: str
    html: str
    anchor: str


@dataclass
class RenderedPart:
    """A part as the document prints it, with the sections present."""

    key: str
    title: str
    anchor: str
    sections: list[RenderedSection] = field(default_factory=list)


def section_number(part, index):
    """ "II." for the second section present in a part numbered in Roman numerals."""
    if part.numbering == "roman":
        return f"{ROMAN[index]}."
    if part.numbering == "arabic":
        return f"{index + 1}."
    return ""


def collect(report: ReportRequest):
    """Run every provider for ``report``: ([(part, [(section, content), ...]), ...], keys left out).

    Parts without any section present are not returned. Runs in the report's language.
    """
    registered = providers()
    present, left_out = [], []
    with translation.override(report.language):
        for part in OUTLINE:
            contents = []
            for section in part.sections:
                provider = registered.get(section.key)
                content = provider(report) if provider else None
                if content is None:
                    left_out.append(section.key)
                else:
                    contents.append((section, content))
            if contents:
                present.append((part, contents))
    return present, left_out


def compose(report: ReportRequest) -> list[RenderedPart]:
    """The parts present in ``report`` with their sections' HTML, numbered, in the report's language."""
    present, _left_out = collect(report)
    parts = []
    with translation.override(report.language):
        for part, contents in present:
            rendered = RenderedPart(part.key, str(part.title), f"part-{part.key}")
            for index, (section, content) in enumerate(contents):
                title = section_title(section, part, report.year) if section.title else ""
                rendered.sections.append(
                    RenderedSection(
                        key=section.key,
                        title=title,
                        number=section_number(part, index) if title else "",
                        html=render_to_string(content.template, {"report": report, **content.context}),
                        anchor=f"section-{section.key}",
                    )
                )
            parts.append(rendered)
    return parts


def section_title(section, part, year):
    """The heading of ``section`` in the active language (its part's heading when it has none)."""
    return str(section.title or part.title) % {"year": year}


def section_titles(year):
    """Section key -> its heading for ``year`` in the active language (for staff pages)."""
    return {section.key: section_title(section, part, year) for part in OUTLINE for section in part.sections}
