from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "tabara.geo"
    label = "geo"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        demo_step_register(10, "tabara.geo.demo.geo_demo_step")  # loaded by `manage.py demo_load`
