"""The notification list (R26: reminders shown in the app) and the administrators' reminder
settings (R25). Every view asks one access helper from reminders.selectors first."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from reminders import selectors, services
from reminders.forms import MessageChoicesForm, ReminderSettingForm
from reminders.kinds import SPECS, Audience, message_label, milestone_label

PAGE_SIZE = 25


@login_required
@require_GET
def notification_list(request):
    notifications = selectors.notifications_for_user(request.user)
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "reminders/notifications.html", {"page": page})


@login_required
@require_POST
def notification_read(request, pk: int):
    """Mark one notification read; with `then=open`, go on to the page it is about."""
    reminder = selectors.get_notification_for_user(request.user, pk)
    services.notification_mark_read(reminder=reminder)
    if request.POST.get("then") == "open":
        return redirect(reminder.link)
    return redirect("reminders:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    """Only the user's own notifications: there is nobody else's to reach."""
    if services.notifications_mark_all_read(user=request.user):
        messages.success(request, _("All notifications are marked as read."))
    return redirect("reminders:notifications")


@login_required
@require_GET
def settings_index(request):
    provinces = list(selectors.admin_provinces(request.user))
    if len(provinces) == 1:
        return redirect("reminders:settings-province", provinces[0].pk)
    return render(request, "reminders/settings_index.html", {"provinces": provinces})


@login_required
@require_GET
def settings_province(request, province: int):
    province = selectors.get_province_for_admin(request.user, province)
    rows = [
        {
            "setting": setting,
            "spec": SPECS[kind],
            "audience": Audience(SPECS[kind].audience).label,
            "when": [milestone_label(days) for days in setting.days_before()],
            "subject": setting.texts(request.LANGUAGE_CODE)[0],
        }
        for kind, setting in selectors.settings_for(province).items()
    ]
    return render(request, "reminders/settings_province.html", {"province": province, "rows": rows})


@login_required
def setting_edit(request, province: int, kind: str):
    province = selectors.get_province_for_admin(request.user, province)
    setting = selectors.setting_for(province, selectors.get_kind(kind))
    data = request.POST if request.method == "POST" else None  # an empty POST is still a choice
    form = ReminderSettingForm(data, setting=setting)
    if request.method == "POST" and form.is_valid():
        services.reminder_setting_update(
            province=province,
            kind=setting.kind,
            enabled=form.cleaned_data["enabled"],
            milestones=form.cleaned_data["milestones"],
            texts=form.texts(),
            by=request.user,
        )
        messages.success(
            request,
            _("The reminder “%(kind)s” was saved.") % {"kind": setting.get_kind_display()},
        )
        return redirect("reminders:settings-province", province.pk)
    context = {"province": province, "setting": setting, "form": form, "spec": setting.spec}
    return render(request, "reminders/setting_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def message_choices(request):
    """Each person chooses, per kind of message, how e-mail reaches them (R36)."""
    current = selectors.deliveries_of(request.user)
    data = request.POST if request.method == "POST" else None  # an empty POST changes nothing
    form = MessageChoicesForm(data, current=current)
    if request.method == "POST" and form.is_valid():
        services.message_choices_update(user=request.user, choices=form.chosen(), by=request.user)
        messages.success(request, _("Your choices were saved."))
        return redirect("reminders:choices")
    return render(request, "reminders/choices.html", {"form": form})


@csrf_exempt  # the signed token is the authority; a mail client posts it in one click (RFC 8058)
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    """Turn off the e-mails of one kind from the link in such an e-mail, without logging in
    (R36). A GET only asks; the POST (the page's button, or the mail client) changes it."""
    user, kinds = selectors.get_unsubscribe_for_token(token)
    if request.method == "POST":
        services.messages_unsubscribe(user=user, kinds=kinds)
        return redirect(f"{request.path}?done=1")
    labels = [message_label(kind) for kind in kinds]
    done = request.GET.get("done") == "1" and all(
        delivery == "off"
        for kind, delivery in selectors.deliveries_of(user).items()
        if kind in kinds
    )
    context = {"labels": labels, "done": done, "person": user}
    return render(request, "reminders/unsubscribe.html", context)
