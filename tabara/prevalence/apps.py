from django.apps import AppConfig


class PrevalenceConfig(AppConfig):
    name = "tabara.prevalence"
    label = "prevalence"
