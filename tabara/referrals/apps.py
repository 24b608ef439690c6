from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tabara.referrals"
    label = "referrals"

    def ready(self) -> None:
        # Plain function registration: no signals and no database access at start-up.
        from tabara.referrals.sharing import register

        register()
