"""Callback URLs for the USSD/SMS gateway, outside the language prefix: /gateway/<secret>/..."""

from django.urls import path

from tabara.intake.sms import views as sms_views
from tabara.intake.ussd import views as ussd_views

app_name = "gateway"
urlpatterns = [
    path("ussd", ussd_views.ussd_callback, name="ussd"),
    path("ussd/end", ussd_views.ussd_session_ended, name="ussd_end"),
    path("sms/inbound", sms_views.sms_inbound, name="sms_inbound"),
    path("sms/delivery", sms_views.sms_delivery, name="sms_delivery"),
    path("sms/opt-out", sms_views.sms_opt_out, name="sms_opt_out"),
]
