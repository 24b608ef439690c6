from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "tabara.intake"
    label = "intake"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        demo_step_register(
            30, "tabara.intake.demo.intake_demo_step"
        )  # loaded by `manage.py demo_load`
