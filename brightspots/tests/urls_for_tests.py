"""The project's URLs plus test-only pages: views that fail on purpose, and a long form that keeps a
draft (static/js/drafts.js). Tests switch to this URLconf; production never routes to these views.

The draft form stands in for the bright spot forms still to come: it is a real page of the app
(base.html, the real script, the login and session middleware) with a form marked
`data-draft-key`, and a view that saves it and confirms with `draft_saved`.
"""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template import engines
from django.urls import path

from brightspots.urls import handler400, handler500
from brightspots.urls import urlpatterns as project_urlpatterns
from core.drafts import draft_saved

DRAFT_KEY = "test-plan"
# What the "server" holds for the form; tests reset it.
STORED_PLAN = {"title": "Mô hình “Dân vận khéo” ở xã", "plan": ""}

DRAFT_PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% block content %}
<h1 class="h4">Kế hoạch thực hiện điểm sáng</h1>
{% if error %}<div class="alert alert-danger">{{ error }}</div>{% endif %}
<form method="post" enctype="multipart/form-data" data-draft-key="test-plan">{% csrf_token %}
  <div class="mb-3"><label class="form-label" for="title">Tên điểm sáng</label>
    <input class="form-control" id="title" name="title" value="{{ values.title }}"></div>
  <div class="mb-3"><label class="form-label" for="plan">Kế hoạch</label>
    <textarea class="form-control" id="plan" name="plan" rows="5">{{ values.plan }}</textarea></div>
  <div class="mb-3"><label class="form-label" for="code">Mật khẩu xác nhận</label>
    <input class="form-control" id="code" name="code" type="password"></div>
  <div class="mb-3"><label class="form-label" for="attachment">Tệp kế hoạch</label>
    <input class="form-control" id="attachment" name="attachment" type="file"></div>
  <button class="btn btn-brand" type="submit">Lưu</button>
</form>{% endblock %}"""
)


def refuse(request):
    raise PermissionDenied


def fail(request):
    raise RuntimeError("boom: the secret detail of a bug")


@login_required
def draft_form(request):
    if request.method == "POST":
        values = {"title": request.POST.get("title", ""), "plan": request.POST.get("plan", "")}
        if not values["title"].strip():
            context = {"values": values, "error": "Chưa nhập tên điểm sáng."}
            return HttpResponse(DRAFT_PAGE.render(context, request))
        STORED_PLAN.update(values)
        draft_saved(request, DRAFT_KEY, "Đã lưu kế hoạch.")
        return redirect(request.path)
    return HttpResponse(DRAFT_PAGE.render({"values": STORED_PLAN}, request))


urlpatterns = [
    path("test/refuse/", refuse),
    path("test/fail/", fail),
    path("test/draft-form/", draft_form),
    *project_urlpatterns,
]
__all__ = ["handler400", "handler500", "urlpatterns"]
