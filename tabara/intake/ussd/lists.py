"""Paged lists of the USSD menu: districts, sectors and border posts.

Keys are fixed on every page, so a person learns them once: 1-7 pick an item, 8 is
"don't know", 9 the next page and 0 the previous page (or, on the first, the screen before).
"""

from __future__ import annotations

from dataclasses import dataclass

from tabara.intake.ussd.data import State, World, pick, say
from tabara.intake.ussd.screen import Choice, page_body, pages


@dataclass(frozen=True)
class ListView:
    """One page of a list as shown: title, items, fixed keys, page bounds and current page."""

    title: str
    items: tuple[Choice, ...]
    parent: str
    footer: list[str]
    bounds: list[tuple[int, int]]
    page: int


def list_view(state: State, world: World) -> ListView:
    """A paged list screen: its items, the fixed keys shown under them, and its pages."""
    title, items, parent = LISTS[state["s"]](state, world)
    footer = [say(state, "dunno"), say(state, "more"), say(state, "back")]
    bounds = pages(title, items, sum(len(line) + 1 for line in footer))
    page = max(0, min(int(state.get("p", 0)), len(bounds) - 1))
    if page == len(bounds) - 1:
        footer.pop(1)  # the last page: no "more"
    return ListView(title, items, parent, footer, bounds, page)


def render_list(state: State, world: World) -> str:
    view = list_view(state, world)
    start, end = view.bounds[view.page]
    return page_body(view.title, view.items[start:end], view.footer)


def handle_list(state: State, typed: str, world: World) -> str | None:
    """A paged list: 1-7 pick an item, 8 don't know, 9 next page, 0 previous page or back."""
    screen: str = state["s"]
    view = list_view(state, world)
    items, page = view.items, view.page
    start, end = view.bounds[page]
    choice = pick(typed, end - start)
    if typed == "0":
        state["p"] = page - 1 if page > 0 else 0
        return screen if page > 0 else view.parent
    if typed == "9" and page + 1 < len(view.bounds):
        state["p"] = page + 1
        return screen
    if typed != "8" and choice is None:
        return None
    state["p"] = 0
    key = {"r_district": "district", "r_sector": "sector", "r_border": "border"}[screen]
    if choice is not None:
        state["a"][key] = items[start + choice - 1][0]
    if key == "district" and choice is not None and world.places.sectors.get(state["a"][key]):
        return "r_sector"
    return "r_who"


def _districts(state: State, world: World) -> tuple[str, tuple[Choice, ...], str]:
    items = world.places.districts.get(state["a"].get("province", ""), ())
    return say(state, "district"), items, "r_where"


def _sectors(state: State, world: World) -> tuple[str, tuple[Choice, ...], str]:
    items = world.places.sectors.get(state["a"].get("district", ""), ())
    return say(state, "sector"), items, "r_district"


def _borders(state: State, world: World) -> tuple[str, tuple[Choice, ...], str]:
    return say(state, "border"), world.places.border_posts, "r_where"


LISTS = {"r_district": _districts, "r_sector": _sectors, "r_border": _borders}
