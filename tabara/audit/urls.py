from django.urls import path

from tabara.audit import views

app_name = "audit"
urlpatterns = [
    path("staff/audit/", views.audit_log, name="log"),
    path("staff/audit/export.csv", views.audit_export, name="export"),
    path("staff/audit/verify/", views.audit_verify, name="verify"),
]
