"""The storage layer imports nothing from ``desktop``, so it spells a few domain sets itself;
these tests hold each copy to the domain's."""

from database import store
from desktop.domain import OPEN_STATUSES


def test_open_statuses_match_the_domain():
    assert set(store.OPEN_STATUSES) == {str(s) for s in OPEN_STATUSES}
    assert len(store.OPEN_STATUSES) == len(OPEN_STATUSES)
