"""Two-factor pages live in the admin, behind Wagtail's own sign-in."""

from django.urls import path
from wagtail import hooks

from accounts import views


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/set-up/", views.set_up, name="accounts_two_factor_set_up"),
        path("two-factor/verify/", views.verify, name="accounts_two_factor_verify"),
    ]
