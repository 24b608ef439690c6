from django.apps import AppConfig


class DashboardsConfig(AppConfig):
    name = "tabara.dashboards"
    label = "dashboards"
