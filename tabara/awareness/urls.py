from django.urls import URLPattern, URLResolver, path

from tabara.awareness.views import (
    public_articles,
    public_learn,
    public_newsletter,
    public_quiz,
    staff_activities,
    staff_articles,
    staff_dashboard,
    staff_knowledge,
    staff_newsletter,
)

app_name = "awareness"
STAFF = "staff/awareness/"
urlpatterns: list[URLPattern | URLResolver] = [
    path("learn/signs/", public_learn.signs, name="signs"),
    path("learn/practices/", public_learn.practices, name="practices"),
    path("activities/", public_learn.activities, name="activities"),
    path("news/", public_articles.article_list, name="articles"),
    path("news/<slug:slug>/", public_articles.article_detail, name="article"),
    path("news/<slug:slug>/comment/", public_articles.comment_post, name="comment_post"),
    path("comments/find/", public_articles.comments_find, name="comments_find"),
    path("comments/<str:token>/", public_articles.comments_manage, name="comments_manage"),
    path("newsletter/", public_newsletter.subscribe, name="subscribe"),
    path("newsletter/confirm/<str:token>/", public_newsletter.confirm, name="confirm"),
    path("newsletter/unsubscribe/<str:token>/", public_newsletter.unsubscribe, name="unsubscribe"),
    path("test/", public_quiz.quiz_start, name="quiz_start"),
    path("test/<str:code>/", public_quiz.quiz, name="quiz"),
    path(STAFF, staff_dashboard.dashboard, name="staff_dashboard"),
    path(f"{STAFF}report/", staff_dashboard.dashboard_print, name="staff_report"),
    path(
        f"{STAFF}report.<str:fmt>",
        staff_dashboard.dashboard_export,
        name="staff_export",
    ),
    path(f"{STAFF}activities/", staff_activities.activity_list, name="staff_activities"),
    path(f"{STAFF}activities/new/", staff_activities.activity_edit, name="staff_activity_new"),
    path(
        f"{STAFF}activities/<int:activity_id>/",
        staff_activities.activity_view,
        name="staff_activity",
    ),
    path(
        f"{STAFF}activities/<int:activity_id>/edit/",
        staff_activities.activity_edit,
        name="staff_activity_edit",
    ),
    path(
        f"{STAFF}activities/<int:activity_id>/import/",
        staff_activities.attendance_import,
        name="staff_import",
    ),
    path(
        f"{STAFF}activities/<int:activity_id>/counts/",
        staff_activities.attendance_counts,
        name="staff_counts",
    ),
    path(
        f"{STAFF}activities/<int:activity_id>/invites/",
        staff_activities.test_invites,
        name="staff_invites",
    ),
    path(
        f"{STAFF}activities/<int:activity_id>/questions/",
        staff_knowledge.test_questions,
        name="staff_questions",
    ),
    path(
        f"{STAFF}activities/<int:activity_id>/paper/",
        staff_knowledge.test_paper,
        name="staff_paper",
    ),
    path(
        f"{STAFF}attendance-template.<str:fmt>",
        staff_activities.import_template,
        name="staff_template",
    ),
    path(f"{STAFF}articles/", staff_articles.article_list, name="staff_articles"),
    path(f"{STAFF}articles/new/", staff_articles.article_edit, name="staff_article_new"),
    path(f"{STAFF}articles/<int:article_id>/", staff_articles.article_edit, name="staff_article"),
    path(f"{STAFF}comments/", staff_articles.moderation, name="staff_moderation"),
    path(f"{STAFF}comments/<int:comment_id>/", staff_articles.moderate, name="staff_moderate"),
    path(f"{STAFF}subscribers/", staff_newsletter.subscribers, name="staff_subscribers"),
    path(f"{STAFF}newsletter/", staff_newsletter.issue_list, name="staff_issues"),
    path(f"{STAFF}newsletter/new/", staff_newsletter.issue_edit, name="staff_issue_new"),
    path(f"{STAFF}newsletter/<int:issue_id>/", staff_newsletter.issue_edit, name="staff_issue"),
]
