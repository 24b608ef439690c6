from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "tabara.intake"
    label = "intake"
