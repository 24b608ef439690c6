from django.apps import AppConfig


class OpendataConfig(AppConfig):
    name = "tabara.opendata"
    label = "opendata"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        # After every step that adds cases: the statistics page then has a first release.
        demo_step_register(90, "tabara.opendata.demo.opendata_demo_step")
