"""Visitors' reports of wrong details on a service page, for its organisation."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ErrorReport(models.Model):
    """What a visitor says is wrong. Nothing about the visitor is stored: no name,
    contact, IP address or time of day."""

    class Problem(models.TextChoices):
        PHONE = "phone", _("The phone number is wrong")
        HOURS = "hours", _("The opening hours are wrong")
        ADDRESS = "address", _("The address is wrong")
        CLOSED = "closed", _("The service no longer exists")
        OTHER = "other", _("Something else")

    service = models.ForeignKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="error_reports"
    )
    problem = models.CharField(max_length=10, choices=Problem.choices)
    message = models.TextField(max_length=1000, blank=True)
    received_on = models.DateField(auto_now_add=True)
    resolved = models.BooleanField(default=False)

    class Meta:
        ordering = ["resolved", "-received_on", "-pk"]
        verbose_name = _("error report")

    def __str__(self):
        return f"{self.service.title}: {self.get_problem_display()}"
