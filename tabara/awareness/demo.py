"""Synthetic demo data for the awareness programme: activities, an article, a subscriber.

Every name, score and address is invented. Loading is idempotent: nothing is added once
an activity exists.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from tabara.accounts.models import User
from tabara.awareness.choices import ActivityKind, ArticleKind, SubscriberStatus
from tabara.awareness.models import Activity, Participant, Subscriber
from tabara.awareness.services import knowledge
from tabara.awareness.services.activities import ActivityInput, activity_save, attendance_counts_set
from tabara.awareness.services.articles import (
    ArticleInput,
    article_save,
    comment_moderate,
    comment_post,
)
from tabara.awareness.services.newsletter import subscriber_confirm, subscriber_subscribe
from tabara.awareness.tokens import make_token
from tabara.core.demo import DemoRun

ARTICLE = {
    "en": (
        "National conference: countering human trafficking in Rwanda",
        "Partners met in Kigali to share lessons from a year of awareness work: trainings, "
        "cross-border dialogues, roundtables and outdoor campaigns.\n\n"
        "## What we learned\n\n"
        "- Many people cannot yet tell trafficking apart from smuggling, prostitution or "
        "child labour.\n"
        "- The common practices are domestic servitude, sexual exploitation and organ removal.\n"
        "- Victims are reluctant to report.\n"
        "- Traffickers use trans-border agencies, social media and relatives people trust.\n\n"
        "Awareness must go on after the project ends: **every citizen has a role**, as a "
        "parent, a teacher or a local leader.",
    ),
    "fr": (
        "Conférence nationale : lutter contre la traite des personnes au Rwanda",
        "Les partenaires se sont réunis à Kigali pour partager les leçons d'une année de "
        "sensibilisation : formations, dialogues transfrontaliers, tables rondes et campagnes.\n\n"
        "## Ce que nous avons appris\n\n"
        "- Beaucoup ne distinguent pas encore la traite du trafic de migrants, de la "
        "prostitution ou du travail des enfants.\n"
        "- Les pratiques courantes sont la servitude domestique, l'exploitation sexuelle et "
        "le prélèvement d'organes.\n"
        "- Les victimes hésitent à signaler.\n"
        "- Les trafiquants passent par des agences transfrontalières, les réseaux sociaux et "
        "des proches de confiance.\n\n"
        "La sensibilisation doit continuer : **chaque citoyen a un rôle à jouer**.",
    ),
    "rw": (
        "Inama y'igihugu: kurwanya icuruzwa ry'abantu mu Rwanda",
        "Abafatanyabikorwa bahuriye i Kigali basangira ibyo bize mu mwaka w'ubukangurambaga: "
        "amahugurwa, ibiganiro byambukiranya imipaka n'ubukangurambaga bwo hanze.\n\n"
        "- Abantu benshi ntibaramenya gutandukanya icuruzwa ry'abantu no kwambutsa abantu "
        "mu buryo butemewe, uburaya cyangwa imirimo ikoreshwa abana.\n"
        "- Abacuruzi b'abantu bakoresha ibigo byambukiranya imipaka, imbuga nkoranyambaga "
        "n'abavandimwe.\n\n"
        "**Buri muturarwanda afite uruhare.**",
    ),
}


@transaction.atomic
def awareness_demo_load(*, officer: User) -> None:
    """Four activities (one with a register and tests), one article with a comment, one
    confirmed subscriber."""
    if Activity.objects.exists():
        return
    today = timezone.localdate()
    rng = random.Random(2019)  # noqa: S311 - synthetic demo scores
    training = activity_save(
        user=officer,
        data=ActivityInput(
            title="Training of youth leaders on human trafficking",
            kind=ActivityKind.TRAINING,
            held_on=today - timedelta(days=40),
            sector_code="3301",
            venue="Gisenyi youth centre",
            partners="Never Again Rwanda, DGIE",
            facilitators="Diane Ingabire",
            audiences=["youth", "local_leaders"],
            materials="Leaflets, case studies, screening teaching cards",
            summary="Youth leaders learned to spot recruitment through social media.",
        ),
    )
    test = knowledge.knowledge_test_for(activity=training)
    for number in range(1, 19):
        person = Participant.objects.create(
            activity=training,
            number=number,
            sex="female" if number % 2 else "male",
            age_band="18-24" if number % 3 else "25-35",
            role="youth",
        )
        pre = rng.choice([25.0, 25.0, 50.0, 50.0, 75.0])
        post = min(100.0, pre + rng.choice([0.0, 25.0, 25.0, 50.0]))
        knowledge.attempt_record(
            test=test, participant=person, phase="pre", score=pre, distinguishes=pre >= 75
        )
        knowledge.attempt_record(
            test=test, participant=person, phase="post", score=post, distinguishes=post >= 75
        )
    for title, kind, days, place, audiences, counts in (
        (
            "Cross-border dialogue at Gatuna",
            ActivityKind.CROSS_BORDER_DIALOGUE,
            -25,
            ("", "gatuna"),
            ["border_officials", "transporters"],
            {("male", "25-35"): 34, ("female", "25-35"): 21, ("male", "36-59"): 15},
        ),
        (
            "Outdoor campaign at Nyagatare market",
            ActivityKind.OUTDOOR_CAMPAIGN,
            -10,
            ("52", ""),
            ["general_public", "parents"],
            {("female", "18-24"): 140, ("male", "18-24"): 110, ("female", "36-59"): 95},
        ),
        (
            "School visit in Musanze",
            ActivityKind.SCHOOL_VISIT,
            12,
            ("43", ""),
            ["students", "teachers"],
            {},
        ),
    ):
        activity = activity_save(
            user=officer,
            data=ActivityInput(
                title=title,
                kind=kind,
                held_on=today + timedelta(days=days),
                audiences=audiences,
                partners="Never Again Rwanda",
                district_code=place[0],
                border_post_code=place[1],
            ),
        )
        if counts:
            attendance_counts_set(user=officer, activity=activity, counts=counts)
    article = article_save(
        user=officer,
        data=ArticleInput(
            slug="national-conference",
            kind=ArticleKind.NEWS,
            titles={lang: title for lang, (title, _body) in ARTICLE.items()},
            bodies={lang: body for lang, (_title, body) in ARTICLE.items()},
            published=True,
        ),
    )
    comment = comment_post(
        article=article,
        name="Jean-Paul (demo)",
        email="jeanpaul@demo.tabara.invalid",
        body="Thank you. Our parents' evening at school will talk about this.",
        language="en",
        base_url="http://localhost:8000",
    )
    comment_moderate(user=officer, comment_id=comment.pk, status="approved")
    if not Subscriber.objects.filter(status=SubscriberStatus.CONFIRMED).exists():
        subscriber = subscriber_subscribe(
            email="reader@demo.tabara.invalid", language="rw", base_url="http://localhost:8000"
        )
        subscriber_confirm(token=make_token("confirm", subscriber.pk))


def awareness_demo_step(run: DemoRun) -> None:
    """Awareness demo data, by the demo programme officer."""
    awareness_demo_load(officer=User.objects.get(username="programme"))
