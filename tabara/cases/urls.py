from django.urls import URLPattern, URLResolver, path

from tabara.cases import views, views_work

app_name = "cases"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/cases/", views.case_index, name="list"),
    path("staff/cases/new/", views.case_new, name="new"),
    path("staff/cases/<int:case_id>/", views.case_detail, name="detail"),
    path("staff/cases/mine/", views_work.mine, name="mine"),
    path("staff/cases/<int:case_id>/assign/", views_work.assign, name="assign"),
    path("staff/cases/<int:case_id>/notes/new/", views_work.note_new, name="note_new"),
    path("staff/cases/<int:case_id>/services/new/", views_work.service_new, name="service_new"),
    path("staff/services/<int:service_id>/", views_work.service_detail, name="service"),
    path(
        "staff/cases/<int:case_id>/assessments/safety/",
        views_work.assess,
        {"kind": "safety"},
        name="assess_safety",
    ),
    path(
        "staff/cases/<int:case_id>/assessments/needs/",
        views_work.assess,
        {"kind": "needs"},
        name="assess_needs",
    ),
    path("staff/cases/<int:case_id>/close/", views_work.close, name="close"),
    path("staff/follow-ups/<int:follow_up_id>/", views_work.follow_up, name="follow_up"),
]
