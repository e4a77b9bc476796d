"""A paginator whose count stops a little past the page asked for.

Django's ``Paginator`` counts every row of the list before it shows a page: on a list that
grows with the record (the events filtered by a government, 1,900 of 15,000 events at 100x the
real record) that count costs more than the page it shows. ``BoundedPaginator`` counts at most
``pages_ahead`` pages past the one asked for; beyond that, the count and the number of pages it
gives are lower bounds (``exact`` is False) and the page says "more than". Every page is still
reachable: asking for a later page counts that much further.
"""

from django.core.paginator import Paginator
from django.utils.functional import cached_property

# Pages counted past the one shown: "Page 1 of 11" is exact up to 11 pages of the list.
PAGES_AHEAD = 10


class BoundedPaginator(Paginator):
    def __init__(self, object_list, per_page, *, number: int, pages_ahead: int = PAGES_AHEAD):
        super().__init__(object_list, per_page)
        self.bound = (number + pages_ahead) * per_page

    @cached_property
    def count(self) -> int:
        """Rows of the list, counted up to ``bound + 1`` (one query: ``COUNT(*)`` over a ``LIMIT``)."""
        return self.object_list[: self.bound + 1].count()

    @property
    def exact(self) -> bool:
        """Whether ``count`` and ``num_pages`` are the list's own, not lower bounds."""
        return self.count <= self.bound

    @property
    def pages_at_least(self) -> int:
        """With ``exact`` False: the list has more pages than this."""
        return self.bound // self.per_page
