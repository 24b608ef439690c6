from django.urls import path

from tabara.prevalence import linked_views, views

app_name = "prevalence"
urlpatterns = [
    path("staff/prevalence/", views.estimation_list, name="list"),
    path("staff/prevalence/<int:estimation_id>/", views.estimation_detail, name="detail"),
    path("staff/prevalence/<int:estimation_id>/export.csv", views.estimation_export, name="export"),
    path("staff/prevalence/linked/<int:run_id>/", linked_views.linked_run, name="linked"),
]
