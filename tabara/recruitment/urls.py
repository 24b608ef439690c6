from django.urls import URLPattern, URLResolver, path

from tabara.recruitment import views_offer, views_public, views_staff

app_name = "recruitment"
STAFF = "staff/agencies/"
urlpatterns: list[URLPattern | URLResolver] = [
    path("agencies/", views_public.lookup, name="lookup"),
    path("job-offer/", views_offer.offer_check_page, name="offer_check"),
    path(STAFF, views_staff.agencies, name="agencies"),
    path(f"{STAFF}new/", views_staff.agency_new, name="agency_new"),
    path(f"{STAFF}<int:agency_id>/", views_staff.agency_edit, name="agency"),
    path(f"{STAFF}import/", views_staff.agency_import, name="agency_import"),
    path(f"{STAFF}in-reports/", views_staff.analysis, name="analysis"),
]
