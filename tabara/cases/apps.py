from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "tabara.cases"
    label = "cases"

    def ready(self) -> None:
        from tabara.core.demo import demo_step_register

        demo_step_register(
            50, "tabara.cases.demo.cases_demo_step"
        )  # loaded by `manage.py demo_load`
        # After the referrals step (60) routed the demo cases.
        demo_step_register(70, "tabara.cases.demo_work.casework_demo_step")
