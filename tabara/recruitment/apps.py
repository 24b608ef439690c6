from django.apps import AppConfig


class RecruitmentConfig(AppConfig):
    name = "tabara.recruitment"
    label = "recruitment"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        demo_step_register(45, "tabara.recruitment.demo.recruitment_demo_step")
