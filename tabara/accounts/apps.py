from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tabara.accounts"
    label = "accounts"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        demo_step_register(
            20, "tabara.accounts.demo.accounts_demo_step"
        )  # loaded by `manage.py demo_load`
