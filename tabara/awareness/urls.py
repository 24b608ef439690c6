from django.urls import URLPattern, URLResolver

app_name = "awareness"
urlpatterns: list[URLPattern | URLResolver] = []
