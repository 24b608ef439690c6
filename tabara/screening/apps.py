from django.apps import AppConfig


class ScreeningConfig(AppConfig):
    name = "tabara.screening"
    label = "screening"
