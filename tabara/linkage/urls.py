from django.urls import path

from tabara.linkage import views

app_name = "linkage"
urlpatterns = [
    path("staff/linkage/", views.run_index, name="runs"),
    path("staff/linkage/lists/", views.list_index, name="lists"),
    path("staff/linkage/lists/<int:list_id>/", views.list_detail, name="list"),
    path("staff/linkage/runs/<int:run_id>/", views.run_detail, name="run"),
    path("staff/linkage/runs/<int:run_id>/review/", views.run_review, name="review"),
    path(
        "staff/linkage/runs/<int:run_id>/clusters/",
        views.run_clusters_export,
        name="clusters_export",
    ),
]
