from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "tabara.networks"
    label = "networks"

    def ready(self) -> None:
        from tabara.core.changes import record_changed_register
        from tabara.core.demo import demo_step_register
        from tabara.networks.tasks import network_sync_later

        record_changed_register(network_sync_later)
        # After the cases (50), referrals (60) and casework (70) steps made their records.
        demo_step_register(90, "tabara.networks.demo.networks_demo_step")
