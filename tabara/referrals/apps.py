from django.apps import AppConfig


class ReferralsConfig(AppConfig):
    name = "tabara.referrals"
    label = "referrals"

    def ready(self) -> None:
        # Plain function registration: no signals and no database access at start-up.
        from tabara.cases.routing_preview import routing_preview_register
        from tabara.core.demo import demo_step_register
        from tabara.referrals.preview import routing_preview
        from tabara.referrals.sharing import register

        register()
        routing_preview_register(routing_preview)
        demo_step_register(60, "tabara.referrals.demo.referrals_demo_step")
