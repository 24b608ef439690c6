from django.urls import URLPattern, URLResolver

app_name = "prevalence"
urlpatterns: list[URLPattern | URLResolver] = []
