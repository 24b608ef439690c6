from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tabara.referrals"
    label = "referrals"

    def ready(self) -> None:
        from tabara.cases.routing_preview import routing_preview_register
        from tabara.referrals.preview import routing_preview

        routing_preview_register(routing_preview)
