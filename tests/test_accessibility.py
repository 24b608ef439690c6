"""WCAG 2.1 A and AA on every page, checked by axe-core in Debian's Chromium.

The pages are found, not listed: every public URL of tests/url_access.py in Kinyarwanda,
English and French; every staff URL there that answers a GET, opened by a user of the
owning organization who holds every role; every link of the navigation as each role sees
it; and every form on those pages shown again with its errors (public forms sent empty,
staff forms filled with one mistake by tests/test_staff_forms.py's `fill`). A page another
engineer adds is checked once its row is in the table, without touching this file.

Chromium reads the pages through the Django test client (a Playwright route answers each
request from it), inside the rolled-back world of tests/test_url_authorization.py: no live
server, one browser, one context per test whose few tabs take turns (axe-core works on one
page while the next loads in another). Nothing a form sends is kept. Besides axe-core, each
page gets axe.py's page_checks: ids that point nowhere, optional fields not marked in
words, and reflow at 320 CSS px.

tabara/core/tests/axe.py runs axe-core (node_modules, `make setup`) with the tags wcag2a,
wcag2aa, wcag21a and wcag21aa at every impact; its DISABLED lists any rule switched off.
When it was written, the first run found on the public report form:

    /rw/report/: aria-hidden-focus (serious) ARIA hidden element must not be focusable or
    contain focusable elements: .hp — Fix all of the following: Focusable content should
    be disabled or be removed from the DOM
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser, BrowserContext, Page, Route, ViewportSize
from playwright.sync_api import Error as PlaywrightError

from tabara.accounts.roles import Role
from tabara.accounts.tests.factories import signed_in, staff_factory
from tabara.awareness.models import Participant
from tabara.awareness.services.knowledge import invites_issue
from tabara.awareness.tests.factories import make_activity
from tabara.core.chromium import DESKTOP, PHONE
from tabara.core.tests.axe import (
    REFLOW_WIDTH,
    Violation,
    axe_result,
    axe_start,
    page_checks,
    prepare,
)
from tests.html_forms import forms_of
from tests.test_staff_forms import fill
from tests.test_url_authorization import (  # noqa: F401 - world is a pytest fixture
    EXPECTED,
    ROUTES,
    World,
    staff_pages,
    world,
)
from tests.url_access import PUBLIC, Relation

BASE = "http://testserver"
LANGUAGES = ("rw", "en", "fr")
# Forms are sent with mistakes in one language (the longest texts); the same template shows
# the errors in the others.
ERRORS_IN = "rw"
# Public pages with a row of their own in the table (not PUBLIC) that anyone still opens.
ALSO_PUBLIC = ("accounts:login", "accounts:invitation")
# Values for the non-object parameters of public paths: a real article of the world, a
# knowledge-test code issued below, and tokens that no longer work (their page says so).
PUBLIC_PARAMS = {"slug": "world-article", "token": "no-longer-valid"}

# Chromium starts first: Playwright's event loop then runs under every database call of the
# module (the world's included), which Django then makes on one connection.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("chromium", "views_imported")]


class Site:
    """Tabara as Chromium sees it, answered by a Django test client in the test's world.

    Every request is made in a savepoint that is rolled back; `canned` answers one URL once
    with a response made beforehand (a form posted with a mistake).
    """

    def __init__(self, client: Client) -> None:
        self.client = client
        self.canned: dict[str, HttpResponse] = {}
        self.connection = connections[DEFAULT_DB_ALIAS]
        self.errors: list[str] = []

    def __call__(self, route: Route) -> None:
        # Playwright calls this in a greenlet of its own, where Django would open another
        # connection: the world's transaction lives on this one.
        connections[DEFAULT_DB_ALIAS] = self.connection
        try:
            self._answer(route)
        except Exception as error:  # shown as the test's failure, not as a network error
            self.errors.append(f"{route.request.url}: {error!r}")
            route.fulfill(status=599, body=b"")

    def _request(
        self, method: str, path: str, body: bytes, content_type: str, headers: dict[str, str]
    ) -> HttpResponse:
        with transaction.atomic():
            response: HttpResponse = self.client.generic(
                method, path, body, content_type=content_type, headers=headers
            )
            transaction.set_rollback(True)
        return response

    def _answer(self, route: Route) -> None:
        request = route.request
        response = self.canned.pop(request.url, None)
        if response is None:
            headers = {
                key: value
                for key, value in request.headers.items()
                if key.lower() not in {"host", "cookie", "content-length"}
            }
            response = self._request(
                request.method,
                request.url.removeprefix(BASE),
                request.post_data_buffer or b"",
                request.headers.get("content-type", ""),
                headers,
            )
            # Chromium does not follow a redirect that a route answers: follow it here.
            for _ in range(5):
                if response.status_code not in (301, 302, 303):
                    break
                response = self._request("GET", response["Location"], b"", "", headers)
        body = (
            b"".join(response.streaming_content)  # type: ignore[attr-defined]
            if response.streaming
            else response.content
        )
        headers = {key: value for key, value in response.items() if key.lower() != "set-cookie"}
        route.fulfill(status=response.status_code, headers=headers, body=body)


# What a page refused for its input must show (GOV.UK Design System's error summary): "" if
# all is well, else what is wrong.
SUMMARY = """() => {
  const summary = document.querySelector("main .error-summary");
  if (!summary) return "no error summary at the top of the page";
  if (document.activeElement !== summary) return "the error summary does not have the focus";
  const links = [...summary.querySelectorAll("a")];
  if (!links.length && !summary.querySelector("li")) return "the error summary lists nothing";
  const broken = links.filter((a) => !document.getElementById(a.hash.slice(1)));
  if (broken.length) return "links to no field: " + broken.map((a) => a.hash).join(" ");
  const named = links.map((a) => document.getElementById(a.hash.slice(1)).name);
  const invalid = [...document.querySelectorAll("[aria-invalid=true]")].filter(
    (field) => !named.includes(field.name));
  if (invalid.length) return "fields in error not in the summary: " + invalid.map((f) => f.name);
  return "";
}"""


class Checker:
    """Tabs that open pages and keep what the checks find on each.

    The browser runs axe-core on one tab while this process serves and reads the next
    page in another: `visit` takes the next tab, first collecting what axe-core found on
    it. A test that moves the current tab on by itself (a click) calls `wait` first.
    """

    TABS = 3

    def __init__(self, context: BrowserContext, site: Site) -> None:
        prepare(context)
        context.route(f"{BASE}/**", site)
        self.site = site
        self.pages: list[Page] = [context.new_page() for _ in range(self.TABS)]
        self.tab = 0
        self.running: dict[int, str] = {}  # tab → the page whose axe-core run is in flight
        self.html = ""  # the HTML of the page visited last, as the server sent it
        self.checked: list[str] = []
        self.violations: list[Violation] = []

    @property
    def page(self) -> Page:
        return self.pages[self.tab]

    def wait(self) -> None:
        """Collect what axe-core found on the current tab, if it is still at work there."""
        where = self.running.pop(self.tab, None)
        if where is not None:
            self.violations.extend(axe_result(self.page, where))

    def open(self, url: str, where: str = "") -> bool:
        """Open `url` and check it; False if it is not an HTML page."""
        if not self.visit(url, where):
            return False
        self.check(where or self.page.url.removeprefix(BASE))
        return True

    def visit(self, url: str, where: str = "") -> bool:
        """Open `url` in the next tab; False if it is not an HTML page."""
        self.tab = (self.tab + 1) % self.TABS
        self.wait()
        try:
            response = self.page.goto(BASE + url)
        except PlaywrightError as error:
            if "Download is starting" in error.message:  # a file, not a page
                return False
            raise
        assert response is not None
        if response.status >= 500:
            self.violations.append(
                Violation(where or url, "server-error", "", str(response.status), [])
            )
            return False
        content_type = response.header_value("content-type") or ""
        html = "text/html" in content_type and response.status != 405
        self.html = response.text() if html else ""
        return html

    def check(self, where: str) -> None:
        """Check the current tab: ids and reflow now, axe-core in the background."""
        self.checked.append(where)
        self.violations.extend(page_checks(self.page, where))
        axe_start(self.page)
        self.running[self.tab] = where

    def show(self, url: str, response: HttpResponse, where: str) -> None:
        """Show a response made beforehand as the page at `url`, and check it."""
        self.site.canned[BASE + url] = response
        self.visit(url, where)
        self.check_summary(where)
        self.check(where)

    def check_summary(self, where: str) -> None:
        """A refused form: the error summary is there, has the focus and links to fields."""
        problem = self.page.evaluate(SUMMARY)
        if problem:
            self.violations.append(Violation(where, "error-summary", "", problem, []))

    def assert_clean(self, at_least: int) -> None:
        for tab in range(self.TABS):
            self.tab = tab
            self.wait()
        assert not self.site.errors, self.site.errors
        assert len(self.checked) >= at_least, self.checked
        assert not self.violations, (
            f"{len(self.violations)} WCAG 2.1 A/AA violations on {len(self.checked)} pages:\n"
            + "\n".join(str(v) for v in self.violations)
        )


@pytest.fixture
def context(chromium: Browser, request: pytest.FixtureRequest) -> Iterator[BrowserContext]:
    # Public pages are read on phones: checked at the narrowest width reflow asks for.
    viewport = (
        ViewportSize(width=REFLOW_WIDTH, height=PHONE["height"])
        if "public" in request.node.name
        else DESKTOP
    )
    # axe-core goes in as an inline script, which the pages' own policy rightly refuses.
    context = chromium.new_context(viewport=viewport, bypass_csp=True)
    context.set_default_timeout(20_000)
    yield context
    context.close()


def _quiz_code(built: World) -> str:
    owner = staff_factory(roles=list(Role), organization=built.orgs[Relation.OWN])
    activity = make_activity(owner)
    Participant.objects.create(activity=activity, number=1, sex="female")
    ((_participant, code),) = invites_issue(user=owner, activity=activity, phase="pre")
    return code


def public_urls(built: World) -> Iterator[tuple[str, str]]:
    """(language, path) of every public page of the table, in each language."""
    params = PUBLIC_PARAMS | {"code": _quiz_code(built)}
    routes = dict(ROUTES)
    names = [n for n, row in EXPECTED.items() if row is PUBLIC or n in ALSO_PUBLIC]
    for language in LANGUAGES:
        for name in sorted(names):
            kwargs = {
                part.split(">")[0].rpartition(":")[2]: "" for part in routes[name].split("<")[1:]
            }
            with translation.override(language):
                yield language, reverse(name, kwargs={key: params[key] for key in kwargs})
        yield language, f"/{language}/no-such-page/"  # the error page


def test_every_public_page_in_every_language(
    world: World,  # noqa: F811 - the imported fixture
    context: BrowserContext,
) -> None:
    checker = Checker(context, Site(Client()))
    for language, url in public_urls(world):
        if not checker.open(url) or language != ERRORS_IN:
            continue
        # The page's forms sent empty (the browser's own checks off): the errors it shows.
        checker.wait()  # the tab is about to move on
        page = checker.page
        for index in range(page.locator("main form").count()):
            checker.wait()
            if index:
                page.goto(BASE + url)
            form = page.locator("main form").nth(index)
            if (
                form.get_attribute("method") != "post"
                or not form.locator("button[type=submit]").count()
            ):
                continue
            form.evaluate("form => { form.noValidate = true; }")
            with page.expect_navigation() as navigation:
                form.locator("button[type=submit]").first.click()
            where = f"{url} (form {index + 1} sent empty)"
            checker.check(where)
            response = navigation.value
            if response is not None and response.status == 400:
                checker.check_summary(where)
    checker.assert_clean(at_least=len(LANGUAGES) * 15)


def _owner(built: World) -> Client:
    return signed_in(staff_factory(roles=list(Role), organization=built.orgs[Relation.OWN]))


def test_every_staff_page_and_form_with_its_errors(
    world: World,  # noqa: F811 - the imported fixture
    context: BrowserContext,
) -> None:
    checker = Checker(context, Site(_owner(world)))
    seen: set[tuple[str, frozenset[str]]] = set()
    for name, url in staff_pages(world.objects):
        if not checker.open(url, name):
            continue
        for form in forms_of(checker.html):
            key = (form.action or url, frozenset(c.name for c in form.controls))
            if key in seen or form.method != "post":
                continue
            seen.add(key)
            filled = fill(form)
            if filled is None:
                continue
            action = form.action.split("#")[0] or url
            response = _post(checker.site.client, action, filled.data)
            if response.status_code in (200, 400):
                checker.show(action, response, f"{name} -> {action} ({filled.mistake})")
    checker.assert_clean(at_least=40)


def _post(client: Client, url: str, data: dict[str, list[str]]) -> HttpResponse:
    with transaction.atomic(), translation.override("en"):
        response: HttpResponse = client.post(url, data)
        transaction.set_rollback(True)
    return response


def test_every_role_s_navigation(
    world: World,  # noqa: F811 - the imported fixture
    context: BrowserContext,
) -> None:
    """Each role's landing page and every page its navigation links to, as that role sees it.

    The header (with the role's navigation) is checked on the landing page; a linked page
    whose <main> another role already saw exactly the same is not checked twice.
    """
    site = Site(Client())
    checker = Checker(context, site)
    seen: set[str] = set()
    for role in Role:
        site.client = world.clients[(role, Relation.OWN)]
        assert checker.visit("/en/staff/")
        links = checker.page.locator("header nav.main a").evaluate_all(
            "links => links.map((a) => a.getAttribute('href'))"
        )
        checker.check(f"{role} home")  # after reading the page: axe-core holds it meanwhile
        assert links, f"{role} has no navigation"
        for href in links:
            if not checker.visit(href):
                continue
            main = checker.page.locator("main").inner_html()
            main = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)
            if main not in seen:
                seen.add(main)
                checker.check(f"{role} {href}")
    # Partners see a case and a referral through their own, narrower views.
    for relation in (Relation.SHARED, Relation.LIMITED):
        site.client = world.clients[(Role.CASE_WORKER, relation)]
        checker.open(f"/en/staff/cases/{world.objects['case_id']}/", f"{relation} case")
    checker.assert_clean(at_least=len(Role) * 2)
