from django.urls import URLPattern, path

from tabara.opendata import views

app_name = "opendata"
urlpatterns: list[URLPattern] = [
    path("statistics/", views.statistics, name="statistics"),
    path("staff/statistics/releases/", views.releases, name="releases"),
]
