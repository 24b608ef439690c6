from django.urls import URLPattern, URLResolver, path

from tabara.search import views

app_name = "search"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/search/", views.search, name="search"),
]
