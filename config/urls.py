"""URL map: every user-facing page lives under a language prefix (/rw/, /en/, /fr/)."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path

from config.api import api
from tabara.awareness.views.public_home import home
from tabara.core import views as core_views

handler400 = "tabara.core.errors.bad_request"
handler403 = "tabara.core.errors.permission_denied"
handler404 = "tabara.core.errors.page_not_found"
handler500 = "tabara.core.errors.server_error"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", core_views.root_redirect, name="root"),
    path("healthz", core_views.healthz, name="healthz"),
    path("gateway/<str:secret>/", include("tabara.intake.gateway_urls")),
    path("api/", api.urls),
]
urlpatterns += i18n_patterns(
    path("", home, name="home"),
    path("", include("tabara.intake.urls")),
    path("staff/", include("tabara.accounts.urls")),
    path("", include("tabara.screening.urls")),
    path("", include("tabara.cases.urls")),
    path("", include("tabara.referrals.urls")),
    path("", include("tabara.notifications.urls")),
    path("", include("tabara.prevalence.urls")),
    path("", include("tabara.linkage.urls")),
    path("", include("tabara.dashboards.urls")),
    path("", include("tabara.awareness.urls")),
    path("", include("tabara.privacy.urls")),
    path("", include("tabara.search.urls")),
    path("", include("tabara.networks.urls")),
    path("", include("tabara.attachments.urls")),
    path("", include("tabara.audit.urls")),
    path("", include("tabara.recruitment.urls")),
    path("", include("tabara.opendata.urls")),
    prefix_default_language=True,
)
