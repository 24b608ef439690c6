from django.urls import path

from tabara.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.staff_home, name="home"),
    path("sign-in/", views.sign_in, name="login"),
    path("sign-out/", views.sign_out, name="logout"),
    path("preferences/", views.preferences, name="preferences"),
]
