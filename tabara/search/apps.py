from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "tabara.search"
    label = "search"
