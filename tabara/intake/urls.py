from django.urls import path

from tabara.intake import hotline, views

app_name = "intake"
urlpatterns = [
    path("report/", views.report_new, name="report"),
    path("follow-up/", views.followup, name="followup"),
    path("follow-up/thread/", views.followup_thread, name="followup_thread"),
    path("staff/reports/", views.inbox, name="inbox"),
    path("staff/reports/<int:report_id>/", views.report_detail, name="report_detail"),
    path("staff/hotline/", hotline.hotline_desk, name="hotline"),
]
