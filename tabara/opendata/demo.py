"""A first release of the public statistics for `make run`, made by the demo analyst.

The demo has few cases, so most figures are hidden: the page shows how protection looks.
Idempotent: nothing is released once any release exists.
"""

from __future__ import annotations

from tabara.accounts.models import User
from tabara.core.demo import DemoRun
from tabara.opendata.models import StatisticsRelease
from tabara.opendata.releases import release_publish


def opendata_demo_step(run: DemoRun) -> None:
    analyst = User.objects.filter(username="analyst").first()
    if StatisticsRelease.objects.exists() or analyst is None:
        run.made["statistics releases"] = 0
        return
    release_publish(user=analyst)
    run.made["statistics releases"] = 1
