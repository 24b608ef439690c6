from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tabara.accounts"
    label = "accounts"
