"""Two-factor set-up and verification pages, in the admin, before anything else there.

The middleware (accounts/middleware.py) sends a signed-in editor here until the
session is verified with a one-time code.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from accounts import two_factor
from accounts.forms import CodeForm


@never_cache
@sensitive_post_parameters("code")
def set_up(request):
    user = request.user
    next_url = safe_next_url(request)
    if two_factor.has_device(user) and not user.is_verified():
        # Someone who has only the password may not add an authenticator of their own.
        return redirect_with_next("accounts_two_factor_verify", next_url)
    device = two_factor.unconfirmed_authenticator(user)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        if two_factor.confirm_authenticator(device, form.cleaned_data["code"]):
            otp_login(request, device)
            return render(
                request,
                "accounts/backup_codes.html",
                {"codes": two_factor.new_backup_codes(user), "next": next_url},
            )
        form.add_error("code", wrong_code_message())
    return render(
        request,
        "accounts/two_factor_set_up.html",
        {
            "form": form,
            "next": next_url,
            "provisioning_uri": device.config_url,
            "secret": two_factor.secret_for_typing(device),
            "qr_code_svg": two_factor.qr_code_svg(device),
        },
    )


@never_cache
@sensitive_post_parameters("code")
def verify(request):
    user = request.user
    next_url = safe_next_url(request)
    if user.is_verified():
        return redirect(next_url)
    if not two_factor.has_device(user):
        return redirect_with_next("accounts_two_factor_set_up", next_url)
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = two_factor.verify_code(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            return redirect(next_url)
        form.add_error("code", wrong_code_message())
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": next_url}
    )


def wrong_code_message():
    return _(
        "That code did not work. Use the newest code in the app, and check that the "
        "time on your phone is right. After several wrong codes you must wait a "
        "little before the next try."
    )


def safe_next_url(request):
    """Where to go afterwards: only an address on this site, else the dashboard."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def redirect_with_next(url_name, next_url):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': next_url})}")
