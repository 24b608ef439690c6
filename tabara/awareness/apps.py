from django.apps import AppConfig


class AwarenessConfig(AppConfig):
    name = "tabara.awareness"
    label = "awareness"
