from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tabara.referrals"
    label = "referrals"
