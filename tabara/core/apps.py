from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "tabara.core"
    label = "core"
