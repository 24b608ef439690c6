from django.apps import AppConfig


class GeoConfig(AppConfig):
    name = "tabara.geo"
    label = "geo"
