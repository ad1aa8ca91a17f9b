"""Keeping entries true: which services are overdue for a check, and reminding their
organisations."""

from collections import defaultdict

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.utils import timezone

from directory.models import ServicePage


def overdue_services(today=None):
    """Live services whose last verification is older than their review interval."""
    today = today or timezone.localdate()
    candidates = ServicePage.objects.live().filter(
        locale__language_code=settings.LANGUAGE_CODE
    )
    # Date + interval arithmetic differs between SQLite and PostgreSQL: do it here.
    return [
        service
        for service in candidates.order_by("assured_date")
        if service.review_due_date <= today
    ]


def editors_to_remind(organisation):
    """The organisation's review contact and the editors in its group."""
    from directory.permissions import partner_group

    addresses = {organisation.review_contact_email} - {""}
    group = partner_group(organisation)
    if group is not None:
        addresses |= set(
            get_user_model()
            .objects.filter(groups=group, is_active=True)
            .exclude(email="")
            .values_list("email", flat=True)
        )
    return sorted(addresses)


def send_review_reminders(today=None):
    """One email per organisation listing its overdue services. Returns the count."""
    by_organisation = defaultdict(list)
    for service in overdue_services(today):
        by_organisation[service.get_parent().specific].append(service)
    sent = 0
    for organisation, services in by_organisation.items():
        recipients = editors_to_remind(organisation)
        if not recipients:
            continue
        lines = [
            f"- {s.title}: sist kontrollert {s.assured_date:%d.%m.%Y} "
            f"({settings.WAGTAILADMIN_BASE_URL}/admin/pages/{s.pk}/edit/)"
            for s in services
        ]
        send_mail(
            subject=f"Tjenester som må kontrolleres: {organisation.title}",
            message=(
                "Disse tjenestene har ikke vært kontrollert på lenge. Sjekk at "
                "telefonnummer, åpningstider og adresse stemmer, og oppdater datoen "
                "«Sist kontrollert».\n\n" + "\n".join(lines)
            ),
            from_email=settings.DEFAULT_FROM_EMAIL,
            recipient_list=recipients,
        )
        sent += 1
    return sent
