from django.urls import path

from tabara.screening.views import public, staff

app_name = "screening"
urlpatterns = [
    path("check/", public.self_check, name="check"),
    path("staff/screening/", staff.interview_list, name="list"),
    path("staff/screening/<int:interview_id>/", staff.interview, name="interview"),
    path("staff/screening/<int:interview_id>/result/", staff.result, name="result"),
]
