from django.urls import URLPattern, URLResolver, path

from tabara.notifications import views

app_name = "notifications"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/notifications/", views.notification_list, name="list"),
]
