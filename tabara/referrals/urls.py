from django.urls import URLPattern, URLResolver, path

from tabara.referrals import views

app_name = "referrals"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/queue/", views.queue, name="queue"),
    path("staff/referrals/overdue/", views.overdue, name="overdue"),
    path("staff/referrals/routing/", views.routing, name="routing"),
    path("staff/referrals/<int:referral_id>/", views.referral_detail, name="detail"),
    path("staff/cases/<int:case_id>/refer/", views.referral_new, name="new"),
]
