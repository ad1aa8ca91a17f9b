"""Receiving "report an error" from visitors: validate, rate-limit, store, notify."""

import hashlib
import hmac

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directory.models import ErrorReport

PER_SERVICE_PER_HOUR = 20
PER_VISITOR_PER_HOUR = 5


class ErrorReportForm(forms.ModelForm):
    class Meta:
        model = ErrorReport
        fields = ["problem", "message"]
        widgets = {
            "problem": forms.RadioSelect,
            "message": forms.Textarea(attrs={"rows": 4, "maxlength": 1000}),
        }
        labels = {
            "problem": _("What is wrong?"),
            "message": _("What should it say? (optional, do not write your name)"),
        }


def _visitor_key(request):
    """A short-lived, keyed hash of the address: it counts reports for an hour in the
    cache and is never written to the database or logs."""
    address = request.META.get("REMOTE_ADDR", "")
    hour = timezone.now().strftime("%Y%m%d%H")
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"{address}|{hour}".encode(), hashlib.sha256
    )
    return f"error-report:visitor:{digest.hexdigest()[:32]}"


def _count(key):
    """How many reports this key has made this hour, this one included. When the
    cache cannot be reached (django-redis answers None), the limit cannot be kept:
    the report is let through rather than lost."""
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, 60 * 60)
        return 1
    return count if count is not None else 1


def allowed(request, service):
    service_key = f"error-report:service:{service.pk}:{timezone.now():%Y%m%d%H}"
    return (
        _count(_visitor_key(request)) <= PER_VISITOR_PER_HOUR
        and _count(service_key) <= PER_SERVICE_PER_HOUR
    )


def receive(service, form):
    from directory.review import editors_to_remind

    report = form.save(commit=False)
    report.service = service
    report.save()
    organisation = service.get_parent().specific
    recipients = editors_to_remind(organisation)
    if recipients:
        send_mail(
            subject=f"Feil meldt på {service.title}",
            message=(
                f"En besøkende har meldt en feil: {report.get_problem_display()}.\n\n"
                f"{report.message}\n\n"
                f"{settings.WAGTAILADMIN_BASE_URL}/admin/pages/{service.pk}/edit/"
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
    return report
