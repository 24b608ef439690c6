from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "tabara.notifications"
    label = "notifications"
