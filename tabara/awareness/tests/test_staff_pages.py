"""Staff pages that record activities and write articles."""

from __future__ import annotations

import pytest

from tabara.accounts.roles import Role
from tabara.awareness.models import Activity, Article, AttendanceCount


def test_record_then_edit_an_activity(geography, staff_client) -> None:
    client, _user = staff_client(Role.PROGRAMME_OFFICER)
    data = {
        "title": "School visit (synthetic)",
        "kind": "school_visit",
        "held_on": "2026-12-03",
        "sector": "3301",
        "audiences": ["students", "teachers"],
        "is_public": "on",
    }
    created = client.post("/en/staff/awareness/activities/new/", data)
    activity = Activity.objects.get()
    assert created["Location"].endswith(f"/activities/{activity.pk}/")
    assert activity.district is not None and activity.district.code == "33"
    page = client.get(created["Location"])
    assert b"School visit (synthetic)" in page.content
    edited = client.post(
        f"/en/staff/awareness/activities/{activity.pk}/edit/", {**data, "title": "Renamed"}
    )
    assert edited.status_code == 302
    assert Activity.objects.get().title == "Renamed"
    assert client.get(f"/en/staff/awareness/activities/{activity.pk}/edit/").status_code == 200
    bad = client.post("/en/staff/awareness/activities/new/", {**data, "sector": "9999"})
    assert bad.status_code == 400
    assert client.get("/en/staff/awareness/activities/999/").status_code == 404


def test_head_counts_replace_the_previous_counts(geography, staff_client) -> None:
    client, user = staff_client(Role.PROGRAMME_OFFICER)
    from tabara.awareness.tests.factories import make_activity

    activity = make_activity(user)
    url = f"/en/staff/awareness/activities/{activity.pk}/counts/"
    client.post(url, {"female__18-24": "40", "male__18-24": "35"})
    client.post(url, {"female__18-24": "42"})
    assert list(AttendanceCount.objects.values_list("sex", "count")) == [("female", 42)]
    assert client.post(url, {"female__18-24": "-3"}).status_code == 400
    page = client.get(f"/en/staff/awareness/activities/{activity.pk}/").content.decode()
    assert 'id="people">42<' in page


@pytest.mark.parametrize("action", ["preview", "save"])
def test_articles_have_a_preview_and_need_one_language(db, staff_client, action) -> None:
    client, _user = staff_client(Role.PROGRAMME_OFFICER)
    data = {
        "slug": "signs",
        "kind": "article",
        "title_fr": "Les signes",
        "body_fr": "Un *passeport* confisqué.\n\n<img src=x onerror=alert(1)>",
        "published": "on",
        "action": action,
    }
    response = client.post("/en/staff/awareness/articles/new/", data)
    if action == "preview":
        assert b"<em>passeport</em>" in response.content and b"<img" not in response.content
        assert not Article.objects.exists()
    else:
        article = Article.objects.get()
        assert article.published_at is not None
        assert client.get(response["Location"]).status_code == 200
        unpublish = {**data, "published": ""}
        client.post(response["Location"], unpublish)
        article.refresh_from_db()
        assert article.published_at is None
    empty = client.post("/en/staff/awareness/articles/new/", {"slug": "x", "kind": "news"})
    assert empty.status_code == 400
    assert b"at least one language" in empty.content
