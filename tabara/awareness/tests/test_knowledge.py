"""Knowledge tests: rule-set questions, one-time phone codes, paper keying and the gains."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tabara.accounts.roles import Role
from tabara.awareness.models import Attempt, Participant
from tabara.awareness.selectors.knowledge import learning_by_activity, learning_of
from tabara.awareness.services import knowledge
from tabara.awareness.tests.factories import make_activity


@pytest.fixture
def training(geography, make_staff):
    officer = make_staff(roles=[Role.PROGRAMME_OFFICER])
    activity = make_activity(officer)
    for number in (1, 2, 3):
        Participant.objects.create(activity=activity, number=number, sex="female")
    return officer, activity


def test_rule_set_questions_ask_to_tell_four_outcomes_apart(db) -> None:
    questions = knowledge.screening_questions()
    assert [q.answer for q in questions] == ["trafficking", "smuggling", "sex_work", "child_labour"]
    assert all(q.distinguishes for q in questions)
    assert questions[0].text("fr") and questions[0].text("rw") != questions[0].text("en")
    assert len(questions[0].choices("rw")) == 4
    assert knowledge.screening_questions() == questions  # idempotent


def test_a_phone_code_works_once_and_scores_the_answers(training) -> None:
    officer, activity = training
    issued = knowledge.invites_issue(user=officer, activity=activity, phase="pre")
    assert len(issued) == 3
    participant, code = issued[0]
    client = Client()
    page = client.post("/en/test/", {"code": code.lower()})
    assert page.status_code == 302
    form = client.get(page["Location"])
    assert form.status_code == 200 and b"<script" not in form.content
    questions = knowledge.knowledge_test_for(activity=activity).questions.order_by("id")
    answers = {f"q{q.pk}": q.answer for q in questions}
    answers[f"q{questions[0].pk}"] = "smuggling"  # one wrong: 3 of 4
    done = client.post(page["Location"], answers)
    assert done.status_code == 200
    attempt = Attempt.objects.get(participant=participant, phase="pre")
    assert (attempt.score, attempt.distinguishes, attempt.channel) == (75.0, False, "phone")
    assert client.post(page["Location"], answers).status_code == 404
    assert client.post("/en/test/", {"code": code}).status_code == 400


def test_reissuing_codes_skips_who_took_the_phase_and_voids_old_codes(training) -> None:
    officer, activity = training
    first = {
        p.number: c
        for p, c in knowledge.invites_issue(user=officer, activity=activity, phase="post")
    }
    knowledge.invite_answer(code=first[1], answers={})
    second = knowledge.invites_issue(user=officer, activity=activity, phase="post")
    assert [p.number for p, _c in second] == [2, 3]
    with pytest.raises(knowledge.InviteInvalid):
        knowledge.invite_open(code=first[2])


def test_gains_per_activity_and_programme_match_hand_figures(training, make_staff) -> None:
    officer, activity = training
    test = knowledge.knowledge_test_for(activity=activity)
    people = list(activity.participants.order_by("number"))
    for person, (pre, post) in zip(people, [(25, 75), (50, 100), (50, None)], strict=True):
        knowledge.attempt_record(test=test, participant=person, phase="pre", score=pre)
        if post is not None:
            knowledge.attempt_record(
                test=test, participant=person, phase="post", score=post, distinguishes=True
            )
    other = make_activity(officer, title="Second training")
    person = Participant.objects.create(activity=other, number=1)
    other_test = knowledge.knowledge_test_for(activity=other)
    knowledge.attempt_record(test=other_test, participant=person, phase="pre", score=0)
    knowledge.attempt_record(
        test=other_test, participant=person, phase="post", score=75, distinguishes=False
    )
    # Activity 1: pairs (25,75), (50,100): gains 50, 50 -> mean 50, zero-width interval.
    one = learning_by_activity([activity.pk, other.pk])[activity.pk]
    assert (one.gain.pairs, one.gain.mean_gain, one.gain.low, one.gain.high) == (2, 50, 50, 50)
    assert (one.pre_tests, one.post_tests) == (3, 2)
    # Programme: gains 50, 50, 75 -> mean 58.333; sd = 14.4338; se = 8.3333;
    # t(0.975, 2) = 4.302653 -> half-width 35.8554.
    everyone = learning_of([activity.pk, other.pk])
    assert everyone.gain.pairs == 3
    assert everyone.gain.mean_gain == pytest.approx(58.3333, abs=1e-4)
    assert everyone.gain.low == pytest.approx(58.3333 - 35.8554, abs=1e-3)
    assert (everyone.tell_apart_post.count, everyone.tell_apart_post.total) == (2, 3)


def test_paper_answers_keyed_in_are_scored(training, staff_client) -> None:
    _officer, activity = training
    client, _user = staff_client(Role.PROGRAMME_OFFICER)
    questions = knowledge.knowledge_test_for(activity=activity).questions.order_by("id")
    data = {"number": "2", "phase": "post", **{f"q{q.pk}": q.answer for q in questions}}
    response = client.post(f"/en/staff/awareness/activities/{activity.pk}/paper/", data)
    assert response.status_code == 200
    attempt = Attempt.objects.get(participant__number=2, participant__activity=activity)
    assert (attempt.score, attempt.distinguishes, attempt.channel) == (100.0, True, "paper")
    missing = client.post(
        f"/en/staff/awareness/activities/{activity.pk}/paper/", {**data, "number": "99"}
    )
    assert missing.status_code == 400


def test_staff_write_a_question_and_make_codes(training, staff_client) -> None:
    _officer, activity = training
    client, _user = staff_client(Role.PROGRAMME_OFFICER)
    url = f"/en/staff/awareness/activities/{activity.pk}/questions/"
    added = client.post(
        url,
        {
            "action": "add",
            "prompt_en": "Who can be a victim of trafficking?",
            "options_en": "Only foreigners\n*Anyone, Rwandans included\nOnly women",
            "options_fr": "Seulement les étrangers\nTout le monde\nSeulement les femmes",
        },
    )
    assert added.status_code == 302
    test = knowledge.knowledge_test_for(activity=activity)
    written = test.questions.get(source__startswith="staff")
    assert written.answer == "o1" and written.choices("fr")[1] == ("o1", "Tout le monde")
    assert (
        client.post(url, {"action": "add", "prompt_en": "x", "options_en": "a\nb"}).status_code
        == 400
    )
    codes = client.post(f"/en/staff/awareness/activities/{activity.pk}/invites/", {"phase": "pre"})
    html = codes.content.decode()
    assert len(re.findall(r"<code>[A-Z2-9]{8}</code>", html)) == 3
    assert len(re.findall(r"http://testserver/en/test/[A-Z2-9]{8}/", html)) == 3


def test_the_paper_form_labels_follow_the_language_of_each_request(training, staff_client):
    """Labels were once translated at import, so every language showed the first one's."""
    _officer, activity = training
    client, _user = staff_client(Role.PROGRAMME_OFFICER)
    pages = {
        lang: client.get(f"/{lang}/staff/awareness/activities/{activity.pk}/paper/").content
        for lang in ("rw", "en", "fr")
    }
    assert b"Participant number" in pages["en"]
    assert "Numéro de participant".encode() in pages["fr"]
    assert b"Nimero y'uwitabiriye" in pages["rw"] or b"Nimero y&#x27;uwitabiriye" in pages["rw"]
