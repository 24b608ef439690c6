from django.urls import path

from tabara.dashboards import views

app_name = "dashboards"
urlpatterns = [
    path("staff/statistics/", views.dashboard, name="statistics"),
    path("staff/statistics/export.<str:fmt>", views.dashboard_export, name="export"),
]
