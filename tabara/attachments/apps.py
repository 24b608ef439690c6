from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "tabara.attachments"
    label = "attachments"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        # After the casework step (70): a file on the demo child's case.
        demo_step_register(75, "tabara.attachments.demo.attachments_demo_step")
