"""Domain errors shared by every app; the web edge turns them into HTTP answers.

Services and selectors raise these, never `Http404`: a domain error says what happened
("not found or not yours"), and each adapter (a staff view, the API, a command) decides how
to show it. `staff_required` (tabara/accounts/access.py) answers NotFound with a 404.
"""

from __future__ import annotations


class NotFound(Exception):
    """The record does not exist or the user may not use it this way: the same answer."""
