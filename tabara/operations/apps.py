from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "tabara.operations"
    label = "operations"
