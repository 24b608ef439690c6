from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "tabara.privacy"
    label = "privacy"
