from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "tabara.audit"
    label = "audit"
