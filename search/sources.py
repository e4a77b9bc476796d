"""What the site search looks through, kind by kind, and how one result reads.

Each kind names the translated fields it searches, in two weights: A, what the record is
called (a government's name, a document's title and symbol), and B, what it says (a
summary, a report, a provision's text). Its search vector is one expression over those
columns in the six languages, ``near_search_vector(...)`` (search/migrations/0001), and a GIN
index holds exactly that expression for each kind's table (search/migrations/0002), so a
search walks the index instead of reading every row. Changing a kind's fields changes the
expression: it then needs a migration that builds its index again
(``tests/search/test_indexes.py`` fails until it has one).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from assemblies.models import AgendaItem, Resolution, Session
from committees.models import Committee
from core.languages import localized_fields
from documents.models import Document, NewsItem
from events.display import event_dates
from events.models import Event
from instruments.models import ArticleVersion, Paragraph, url_name
from members.models import MemberGovernment, Partner
from plans.models import CooperationPlan, PlanActivity


class Joined(models.Expression):
    """Columns of the query's own table, their text joined by spaces, NULL as empty.

    ``||`` and ``COALESCE`` are immutable, so an index can hold the expression (``CONCAT_WS``
    is only stable); no parameter either, so the index and the query compile to the same SQL.
    The columns are names, not ``F()``: a search builds this expression some twenty times,
    and resolving a hundred ``F()`` each time cost more than the query itself.
    """

    output_field = models.TextField()

    def __init__(self, columns):
        super().__init__()
        self.columns = tuple(columns)

    def as_sql(self, compiler, connection, **extra):
        if not self.columns:
            return "''", []
        alias = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        parts = [f"COALESCE({alias}.{connection.ops.quote_name(column)}, '')" for column in self.columns]
        return "(" + " || ' ' || ".join(parts) + ")", []


def joined(model, fields, languages=None) -> Joined:
    """The translated ``fields`` in every language (or those of ``languages``); ``=symbol`` is a column as it is."""
    names = []
    for field in fields:
        if field.startswith("="):  # an untranslated column, the same in every language (a symbol)
            names.append(field[1:])
        elif languages is None:
            names += localized_fields(field)
        else:
            names += [build_localized_fieldname(field, language) for language in languages]
    return Joined(model._meta.get_field(name).column for name in names)


@dataclass(frozen=True)
class Source:
    """One kind of result: which rows are public, which fields it searches, how a result reads."""

    key: str
    label: str
    model: type[models.Model]
    title_fields: tuple[str, ...]
    body_fields: tuple[str, ...]
    rows: Callable[[], models.QuerySet]
    order: tuple[str, ...]
    title: Callable[[models.Model], str]
    url: Callable[[models.Model], str]
    about: Callable[[models.Model], str]

    @property
    def index_name(self) -> str:
        return f"search_{self.key}_vector"

    def vector(self) -> models.Func:
        """``near_search_vector``: every language in 'simple', English and Russian also stemmed, CJK in pairs.

        What the index holds and the search matches against.
        """
        return self._vector(title=True, body=True)

    def rank_vector(self) -> models.Func:
        """The vector that ranks the rows found: what a record is called (short, so cheap to build again
        for every row found); a kind that has no title, the Charter's provisions, ranks on its text."""
        return self._vector(title=True, body=not self.title_fields)

    def _vector(self, *, title: bool, body: bool) -> models.Func:
        title_fields = self.title_fields if title else ()
        translated = [f for f in title_fields if not f.startswith("=")]
        body_fields = self.body_fields if body else ()
        return models.Func(
            joined(self.model, title_fields),
            joined(self.model, translated, ["en"]),
            joined(self.model, translated, ["ru"]),
            joined(self.model, body_fields),
            joined(self.model, body_fields, ["en"]),
            joined(self.model, body_fields, ["ru"]),
            function="near_search_vector",
            output_field=SearchVectorField(),
        )

    def text_fields(self) -> tuple[str, ...]:
        """The translated fields a result's snippet may come from: what it says first, then what it is called."""
        return tuple(f for f in (*self.body_fields, *self.title_fields) if not f.startswith("="))


def _activity_about(activity) -> str:
    """The plan (its title names the government and the year) and the measure the activity serves."""
    measure = activity.measure
    return f"{measure.plan.title} · {measure.number}. {measure.title}"


def _today() -> datetime.date:
    return timezone.localdate()


def _provision_title(paragraph) -> str:
    """ "Charter, Article 9 (2)": the instrument, the article (or preamble ...), the provision's number."""
    article = paragraph.version.article
    title = f"{article.instrument}, {article.label or article.get_kind_display()}"
    return f"{title} ({paragraph.number})" if paragraph.number else title


def _provision_url(paragraph) -> str:
    article = paragraph.version.article
    anchor = f"{article.key}-p{paragraph.number.replace('.', '-')}" if paragraph.number else article.key
    return f"{reverse(url_name(article.instrument.slug))}#{anchor}"


SOURCES = (
    Source(
        key="members",
        label=_("Member governments"),
        model=MemberGovernment,
        title_fields=("name",),
        body_fields=(),
        rows=lambda: MemberGovernment.objects.select_related("country"),
        order=("country__display_order", "list_position", "pk"),
        title=lambda member: member.name,
        url=lambda member: member.get_absolute_url(),
        about=lambda member: member.country.name,
    ),
    Source(
        key="committees",
        label=_("Committees"),
        model=Committee,
        title_fields=("name",),
        body_fields=("field_of_activity", "description", "history_note"),
        rows=lambda: Committee.objects.all(),
        order=("regulation_number", "pk"),
        title=lambda committee: committee.name,
        url=lambda committee: committee.get_absolute_url(),
        about=lambda committee: committee.get_status_display(),
    ),
    Source(
        key="events",
        label=_("Events"),
        model=Event,
        title_fields=("title",),
        body_fields=("summary", "report", "city", "organiser_name"),
        rows=lambda: Event.objects.filter(published=True),
        order=("-start_date", "pk"),
        title=lambda event: event.title,
        url=lambda event: event.get_absolute_url(),
        about=event_dates,
    ),
    Source(
        key="sessions",
        label=_("Sessions"),
        model=Session,
        title_fields=("theme", "place"),
        body_fields=("summary",),
        rows=lambda: Session.objects.all(),
        order=("-start_date", "pk"),
        title=lambda session: session.title,
        url=lambda session: session.get_absolute_url(),
        about=lambda session: session.dates_display,
    ),
    Source(
        key="resolutions",
        label=_("Resolutions"),
        model=AgendaItem,
        title_fields=("title",),
        body_fields=("text",),
        # An agenda item whose motion the session adopted: the resolution is called by its title.
        rows=lambda: AgendaItem.objects.filter(
            Exists(Resolution.objects.filter(motion__agenda_item=OuterRef("pk")))
        ).select_related("session"),
        order=("-session__start_date", "position", "pk"),
        title=lambda item: item.title,
        url=lambda item: f"{item.session.get_absolute_url()}#agenda-heading",
        about=lambda item: item.session.title,
    ),
    Source(
        key="provisions",
        label=_("Charter and Regulations"),
        model=Paragraph,
        title_fields=(),
        body_fields=("text",),
        # The provisions in force today, as the instrument's page shows them.
        rows=lambda: Paragraph.objects.filter(
            version__in=ArticleVersion.objects.in_force(on=_today()).values("pk")
        ).select_related("version__article__instrument"),
        order=("version__article__instrument__position", "version__article__position", "position"),
        title=_provision_title,
        url=_provision_url,
        about=lambda paragraph: paragraph.version.title,
    ),
    Source(
        key="documents",
        label=_("Documents"),
        model=Document,
        title_fields=("title", "=symbol"),
        body_fields=("summary",),
        rows=lambda: Document.objects.all(),
        order=("-date", "symbol"),
        title=lambda document: f"{document.symbol} {document.title}",
        url=lambda document: document.get_absolute_url(),
        about=lambda document: f"{document.date_display} · {document.get_kind_display()}",
    ),
    Source(
        key="news",
        label=_("News and notices"),
        model=NewsItem,
        title_fields=("title",),
        body_fields=("summary", "body"),
        rows=lambda: NewsItem.objects.filter(published=True),
        order=("-published_on", "-pk"),
        title=lambda item: item.title,
        url=lambda item: item.get_absolute_url(),
        about=lambda item: f"{formats.date_format(item.published_on, 'DATE_FORMAT')} · {item.get_kind_display()}",
    ),
    Source(
        key="partners",
        label=_("Partners"),
        model=Partner,
        title_fields=("name", "=acronym"),
        body_fields=("description",),
        rows=lambda: Partner.objects.all(),
        order=("-in_current_brochure", "display_order", "pk"),
        title=lambda partner: partner.name_with_acronym,
        url=lambda partner: f"{reverse('members:partners')}#{partner.slug}",
        about=lambda partner: partner.get_kind_display(),
    ),
    Source(
        key="plans",
        label=_("Cooperation plans"),
        model=PlanActivity,
        title_fields=("description",),
        body_fields=("counterpart", "target", "indicator", "baseline", "responsible"),
        # The activities of the plans their governments published, as the plans' pages show them.
        rows=lambda: PlanActivity.objects.filter(
            measure__plan__in=CooperationPlan.objects.published().values("pk")
        ).select_related("measure__plan__government"),
        order=("-measure__plan__year", "measure__plan__government__list_position", "measure__number", "number", "pk"),
        title=str,  # "4.2 Carry out a project ...", as the plan's page heads it
        url=lambda activity: f"{activity.measure.plan.get_absolute_url()}#{activity.anchor}",
        about=_activity_about,
    ),
)
SOURCES_BY_KEY = {source.key: source for source in SOURCES}
