from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "tabara.attachments"
    label = "attachments"
