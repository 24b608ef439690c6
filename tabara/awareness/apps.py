from django.apps import AppConfig


class AwarenessConfig(AppConfig):
    name = "tabara.awareness"
    label = "awareness"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        demo_step_register(
            40, "tabara.awareness.demo.awareness_demo_step"
        )  # loaded by `manage.py demo_load`
