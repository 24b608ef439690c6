from django.urls import URLPattern, URLResolver, path

from tabara.cases import views

app_name = "cases"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/cases/", views.case_index, name="list"),
    path("staff/cases/new/", views.case_new, name="new"),
    path("staff/cases/statistics/", views.statistics, name="statistics"),
    path("staff/cases/<int:case_id>/", views.case_detail, name="detail"),
]
