from django.urls import path

from reminders import views

app_name = "reminders"
urlpatterns = [
    path("notifications/", views.notification_list, name="notifications"),
    path("notifications/<int:pk>/read/", views.notification_read, name="notification-read"),
    path("notifications/read-all/", views.notifications_read_all, name="notifications-read-all"),
    path("messages/choices/", views.message_choices, name="choices"),
    path("messages/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("reminders/settings/", views.settings_index, name="settings"),
    path("reminders/settings/<int:province>/", views.settings_province, name="settings-province"),
    path(
        "reminders/settings/<int:province>/<slug:kind>/",
        views.setting_edit,
        name="setting-edit",
    ),
]
