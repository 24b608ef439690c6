from django.urls import URLPattern, URLResolver, path

from tabara.attachments import views

app_name = "attachments"
urlpatterns: list[URLPattern | URLResolver] = [
    path("staff/cases/<int:case_id>/files/new/", views.case_attach, name="case_attach"),
    path("staff/files/<int:attachment_id>/", views.attachment_download, name="open"),
]
