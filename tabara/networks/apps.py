from django.apps import AppConfig


class NetworksConfig(AppConfig):
    name = "tabara.networks"
    label = "networks"

    def ready(self) -> None:
        from tabara.core.changes import record_changed_register
        from tabara.networks.tasks import network_sync_later

        record_changed_register(network_sync_later)
