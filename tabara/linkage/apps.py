from django.apps import AppConfig


class LinkageConfig(AppConfig):
    name = "tabara.linkage"
    label = "linkage"
