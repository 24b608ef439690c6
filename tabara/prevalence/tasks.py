"""Background work of the prevalence app (run by `manage.py db_worker`)."""

from __future__ import annotations

from django_tasks import task

from tabara.prevalence.services import estimation_run


@task()
def estimation_run_task(estimation_id: int) -> str:
    return estimation_run(estimation_id=estimation_id).status
