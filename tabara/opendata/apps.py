from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "tabara.opendata"
    label = "opendata"
