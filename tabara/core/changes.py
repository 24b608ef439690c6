"""Records that changed, announced after commit to the apps that keep something derived from them.

Core knows no domain app: an app that derives data from reports or cases (the network index
of identifiers) registers a listener in its AppConfig.ready(); the apps that own the records
call `record_changed(kind, pk)` in the transaction that changed one. Listeners run only
after that transaction commits (a rolled-back change announces nothing), each on its own:
one failing listener neither undoes the change nor stops the others.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from django.db import transaction

Listener = Callable[[str, int], object]
_LISTENERS: list[Listener] = []


def record_changed_register(listener: Listener) -> None:
    """Call `listener(kind, pk)` after the commit of every change announced."""
    if listener not in _LISTENERS:
        _LISTENERS.append(listener)


def record_changed(kind: str, pk: int) -> None:
    """Announce that the record `kind` ("report", "case") with this id changed."""
    for listener in _LISTENERS:
        transaction.on_commit(partial(listener, kind, pk), robust=True)
