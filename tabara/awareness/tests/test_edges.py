"""Edges of the awareness pages and services: refusals, empty states, names of rows."""

from __future__ import annotations

from datetime import date

import pytest
from django.core import signing
from django.test import Client
from django.utils import translation

from tabara.accounts.roles import Role
from tabara.awareness import importing
from tabara.awareness.models import (
    AttendanceCount,
    Comment,
    IssueDelivery,
    NewsletterIssue,
    Participant,
    Question,
    Subscriber,
)
from tabara.awareness.selectors.reach import activities_in, reach_of
from tabara.awareness.services import knowledge, newsletter
from tabara.awareness.services.articles import comment_post
from tabara.awareness.tests.factories import csv_bytes, make_activity, make_article
from tabara.awareness.tokens import BadLink, make_token, read_token
from tabara.geo import svgmap

STAFF = "/en/staff/awareness"


@pytest.fixture
def officer_client(geography, staff_client):
    return staff_client(Role.PROGRAMME_OFFICER)


def test_staff_lists_show_what_exists(officer_client) -> None:
    client, user = officer_client
    make_activity(user)
    make_article(user)
    newsletter.issue_save(
        user=user, data=newsletter.IssueInput(subjects={"rw": "Amakuru"}, bodies={"rw": "Muraho"})
    )
    assert b"Training of youth leaders" in client.get(f"{STAFF}/activities/").content
    assert b"Cross-border dialogue in Rubavu" in client.get(f"{STAFF}/articles/").content
    assert b"Amakuru" in client.get(f"{STAFF}/newsletter/").content
    assert client.get(f"{STAFF}/activities/new/").status_code == 200
    xlsx = client.get(f"{STAFF}/attendance-template.xlsx")
    assert xlsx["Content-Disposition"] == 'attachment; filename="attendance-template.xlsx"'
    assert xlsx.content.startswith(b"PK")
    csv_template = client.get(f"{STAFF}/attendance-template.csv")
    assert csv_template.content.startswith(b"number,name,sex,age_band")


def test_unknown_rows_and_bad_choices_are_404(officer_client) -> None:
    client, user = officer_client
    activity = make_activity(user)
    for path in (
        "articles/999/",
        "newsletter/999/",
        "activities/999/questions/",
        "activities/999/paper/",
        "attendance-template.pdf",
    ):
        assert client.get(f"{STAFF}/{path}").status_code == 404, path
    assert client.post(f"{STAFF}/comments/999/", {"status": "approved"}).status_code == 404
    assert client.post(f"{STAFF}/comments/999/", {"status": "bogus"}).status_code == 404
    assert client.get(f"{STAFF}/comments/?status=bogus").status_code == 200
    url = f"{STAFF}/activities/{activity.pk}"
    assert client.post(f"{url}/import/", {}).status_code == 400
    assert client.post(f"{url}/invites/", {"phase": "middle"}).status_code == 400


def test_choosing_the_questions_of_a_test(officer_client) -> None:
    client, user = officer_client
    activity = make_activity(user)
    url = f"{STAFF}/activities/{activity.pk}/questions/"
    page = client.get(url)
    assert page.status_code == 200 and page.content.count(b'name="question"') == 4
    first = knowledge.screening_questions()[0]
    # A tick that is not a question of the bank (a stale page) is refused, ticks kept.
    test = knowledge.knowledge_test_for(activity=activity)
    before = list(test.questions.all())
    stale = client.post(url, {"action": "choose", "question": [str(first.pk), "x"]})
    assert stale.status_code == 400 and b"no longer in the bank" in stale.content
    assert stale.content.count(b" checked>") == 1  # only the tick that was sent
    assert list(test.questions.all()) == before != [first]
    assert client.post(url, {"action": "choose", "question": [str(first.pk)]}).status_code == 302
    assert list(test.questions.all()) == [first]
    mismatch = client.post(
        url,
        {"action": "add", "prompt_en": "?", "options_en": "*a\nb", "options_rw": "a\nb\nc"},
    )
    assert b"the same number of answers" in mismatch.content


def test_scores_outside_0_to_100_are_refused(officer_client) -> None:
    _client, user = officer_client
    activity = make_activity(user)
    person = Participant.objects.create(activity=activity, number=1)
    test = knowledge.knowledge_test_for(activity=activity)
    with pytest.raises(ValueError, match="between 0 and 100"):
        knowledge.attempt_record(test=test, participant=person, phase="pre", score=101)
    with pytest.raises(ValueError, match="between 0 and 100"):
        knowledge.attempt_record(test=test, participant=person, phase="pre")


def test_issue_form_needs_a_language_and_sent_issues_are_read_only(officer_client) -> None:
    client, user = officer_client
    empty = client.post(f"{STAFF}/newsletter/new/", {"action": "save"})
    assert b"at least one language" in empty.content
    two_lines = client.post(
        f"{STAFF}/newsletter/new/", {"action": "save", "subject_en": "A\r\nBcc: x", "body_en": "B"}
    )
    assert b"A subject fits on one line." in two_lines.content
    issue = newsletter.issue_save(
        user=user, data=newsletter.IssueInput(subjects={"en": "S"}, bodies={"en": "B"})
    )
    newsletter.issue_send_start(user=user, issue_id=issue.pk, base_url="http://testserver")
    newsletter.issue_deliver_batch(issue_id=issue.pk)
    page = client.get(f"{STAFF}/newsletter/{issue.pk}/")
    assert b"Send to all subscribers" not in page.content
    assert newsletter.issue_deliver_batch(issue_id=issue.pk) == 0
    assert not IssueDelivery.objects.exists()


def test_links_for_rows_that_are_gone_or_payloads_of_the_wrong_kind(db) -> None:
    subscriber = newsletter.subscriber_subscribe(
        email="gone@example.org", language="en", base_url="http://testserver"
    )
    token = make_token("unsubscribe", subscriber.pk)
    Subscriber.objects.all().delete()
    with pytest.raises(BadLink):
        newsletter.subscriber_unsubscribe(token=token)
    assert Client().post(f"/en/newsletter/unsubscribe/{token}/").status_code == 404
    assert Client().get(f"/en/newsletter/unsubscribe/{token}/").status_code == 200
    odd = signing.dumps(["a"], salt="tabara.awareness.comments", compress=True)
    with pytest.raises(BadLink):
        read_token("comments", odd)
    assert Client().get(f"/en/comments/{odd}/").status_code == 404


def test_the_manage_page_ignores_a_malformed_comment_number(make_staff) -> None:
    article = make_article(make_staff(roles=[Role.PROGRAMME_OFFICER]))
    comment = comment_post(
        article=article,
        name="A",
        email="a@example.org",
        body="Hello",
        language="en",
        base_url="http://testserver",
    )
    token = make_token("comments", comment.email_hash)
    page = Client().post(f"/en/comments/{token}/", {"comment": "one"})
    assert page.status_code == 200 and Comment.objects.count() == 1


@translation.override("en")  # the reasons are translated; the run's default language is rw
def test_importer_edges() -> None:
    rows = [
        ["1", "x" * 121, "F", "61", "Youth", "", "80%", "", "", ""],
        ["2", "", "F", "", "", "", "ten", "", "", ""],
    ]
    parsed = importing.parse_register("r.csv", csv_bytes(rows), districts={}, used_numbers=set())
    assert [r.line for r in parsed.rejected] == [2, 3]
    assert parsed.rejected[0].reasons == ("The name is longer than 120 characters.",)
    many = csv_bytes([["", "", "F"] + [""] * 7] * (importing.MAX_ROWS + 2))
    big = importing.parse_register("r.csv", many, districts={}, used_numbers=set())
    assert len(big.rows) == importing.MAX_ROWS
    assert "More than 5000 rows" in big.rejected[0].reasons[0]
    ok = importing.parse_register(
        "r.csv",
        csv_bytes([["1", "", "M", "61", "Local leaders"] + [""] * 5]),
        districts={},
        used_numbers=set(),
    )
    assert (ok.rows[0].age_band, ok.rows[0].role) == ("60+", "local_leaders")


def test_map_geometry_edges() -> None:
    assert svgmap._simplify([(0, 0), (1, 1)], 1) == [(0, 0), (1, 1)]
    assert svgmap._centroid([(0, 0), (1, 1), (2, 2)]) == (0, 0)
    assert svgmap.ring_path([(0, 0), (1, 0), (0, 0)]) == ""


def test_rows_name_themselves(officer_client) -> None:
    _client, user = officer_client
    activity = make_activity(user)
    article = make_article(user)
    person = Participant.objects.create(activity=activity, number=4)
    count = AttendanceCount.objects.create(activity=activity, sex="male", age_band="60+", count=3)
    test = knowledge.knowledge_test_for(activity=activity)
    attempt = knowledge.attempt_record(test=test, participant=person, phase="pre", score=50)
    ((invite_person, _code),) = knowledge.invites_issue(user=user, activity=activity, phase="post")
    invite = test.invites.get()
    comment = comment_post(
        article=article,
        name="B",
        email="b@example.org",
        body="x",
        language="en",
        base_url="http://t",
    )
    subscriber = newsletter.subscriber_subscribe(
        email="s@example.org", language="fr", base_url="http://t"
    )
    issue = newsletter.issue_save(
        user=user, data=newsletter.IssueInput(subjects={"fr": "Sujet"}, bodies={"fr": "Corps"})
    )
    delivery = IssueDelivery.objects.create(issue=issue, subscriber=subscriber)
    names = [
        str(activity),
        str(person),
        str(count),
        str(test.questions.first()),
        str(test),
        str(attempt),
        str(invite),
        str(article),
        str(comment),
        str(subscriber),
        str(issue),
        str(delivery),
    ]
    assert names[0] == "2026-10-14 Training of youth leaders (synthetic)"
    assert names[1:3] == ["#4", "male 60+: 3"]
    assert names[5] == "pre 50%" and names[10] == "Sujet" and invite_person == person
    assert all(names)
    assert issue.language_for("en") == "fr"
    assert article.language_for("de") == "rw"
    empty = make_article(user, slug="empty", titles={}, bodies={}, published=False)
    assert empty.language_for("en") == "en"
    assert Question(prompt={}, options=[]).text("en") == ""
    assert NewsletterIssue().language_for("en") == "rw"
    assert reach_of(activities_in(until=date(2026, 10, 13))).people == 0
