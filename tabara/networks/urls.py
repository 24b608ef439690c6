from django.urls import path

from tabara.networks import views

app_name = "networks"
urlpatterns = [
    path("staff/networks/", views.network_page, name="network"),
    path("staff/networks/export/", views.network_export, name="export"),
]
