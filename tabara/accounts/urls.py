from django.urls import path

from tabara.accounts import admin_views, invitation_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.staff_home, name="home"),
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("preferences/", views.preferences, name="preferences"),
    path("invitation/<str:token>/", invitation_views.invitation, name="invitation"),
    path("organizations/", admin_views.organization_list, name="organizations"),
    path("organizations/new/", admin_views.organization_new, name="organization_new"),
    path(
        "organizations/<int:organization_id>/",
        admin_views.organization_edit,
        name="organization",
    ),
    path(
        "organizations/<int:organization_id>/deactivate/",
        admin_views.organization_deactivate_view,
        name="organization_deactivate",
    ),
    path("people/", admin_views.staff_list, name="staff_list"),
    path("people/invite/", admin_views.staff_invite, name="staff_invite"),
    path("people/<int:user_id>/", admin_views.staff_detail, name="staff"),
    path(
        "people/<int:user_id>/deactivate/",
        admin_views.staff_deactivate_view,
        name="staff_deactivate",
    ),
    path(
        "people/<int:user_id>/reactivate/",
        admin_views.staff_reactivate_view,
        name="staff_reactivate",
    ),
    path(
        "people/<int:user_id>/reset-second-factor/",
        admin_views.staff_reset_view,
        name="staff_reset",
    ),
]
