"""The rate limits' counters in PostgreSQL (core/counter_cache.py): shared, atomic, expiring."""

import threading

import pytest
from django.core.cache import caches
from django.db import connection

pytestmark = pytest.mark.django_db

THREADS = 8
INCREMENTS = 25


@pytest.fixture
def counters():
    cache = caches["ratelimit"]
    cache.clear()
    return cache


def test_add_sets_a_counter_only_when_there_is_none_alive(counters):
    assert counters.add("a", 1, 60) is True
    assert counters.add("a", 5, 60) is False
    assert counters.get("a") == 1
    assert counters.add("gone", 7, 0) is True  # expires at once, as Django's timeout 0 says
    assert counters.get("gone", "missing") == "missing"
    assert counters.add("gone", 3, 60) is True  # an expired counter is replaced
    assert counters.get("gone") == 3


def test_incr_counts_a_live_counter_and_refuses_a_missing_one(counters):
    counters.add("a", 1, 60)
    assert [counters.incr("a") for _ in range(3)] == [2, 3, 4]
    assert counters.incr("a", 10) == 14
    with pytest.raises(ValueError, match="^Key ':1:missing' not found$"):
        counters.incr("missing")


def test_set_touch_delete_and_clear(counters):
    counters.set("a", 4, None)  # never expires
    assert counters.get("a") == 4
    assert counters.touch("a", 0) is True
    assert counters.get("a") is None
    counters.set("b", 2, 60)
    assert (counters.delete("b"), counters.delete("b")) == (True, False)
    counters.set("c", 1, 60)
    counters.clear()
    assert counters.get("c") is None


def test_only_whole_numbers_are_kept(counters):
    with pytest.raises(TypeError, match="^CounterCache holds whole numbers only, not str$"):
        counters.set("a", "1", 60)
    with pytest.raises(TypeError, match="^CounterCache holds whole numbers only, not bool$"):
        counters.add("a", True, 60)


def test_adding_removes_expired_counters(counters):
    for index in range(5):
        counters.add(f"old-{index}", 1, 0)
    counters.add("new", 1, 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM core_rate_counter")
        assert cursor.fetchone()[0] == 1


def test_concurrent_increments_from_other_connections_are_all_counted(counters):
    """Each thread has its own connection, committing at once: the count a worker sees is never lost."""
    key = "concurrent-test-counter"
    errors = []

    def run(action):
        try:
            action()
        except Exception as error:  # noqa: BLE001 - the test inspects it
            errors.append(error)
        finally:
            connection.close()

    def in_thread(action):
        thread = threading.Thread(target=run, args=(action,))
        thread.start()
        thread.join()

    in_thread(lambda: caches["ratelimit"].add(key, 0, 60))
    barrier = threading.Barrier(THREADS)

    def count():
        barrier.wait()
        for _ in range(INCREMENTS):
            caches["ratelimit"].incr(key)

    threads = [threading.Thread(target=run, args=(count,)) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seen = []
    in_thread(lambda: seen.append(caches["ratelimit"].get(key)))
    in_thread(lambda: caches["ratelimit"].delete(key))
    assert errors == []
    assert seen == [THREADS * INCREMENTS]
