from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tabara.cases"
    label = "cases"
