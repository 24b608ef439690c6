from django.urls import URLPattern, URLResolver, path

from tabara.privacy.views import breaches, subject

app_name = "privacy"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/privacy/breaches/", breaches.breach_list, name="breaches"),
    path("staff/privacy/breaches/<int:breach_id>/", breaches.breach_detail, name="breach"),
    path("staff/privacy/people/<int:person_id>/", subject.person_data_page, name="person_data"),
    path(
        "staff/privacy/people/<int:person_id>/json/", subject.person_data_json, name="person_json"
    ),
    path(
        "staff/privacy/people/<int:person_id>/erase/",
        subject.person_erase_page,
        name="person_erase",
    ),
]
