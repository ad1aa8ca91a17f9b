"""Login throttling (django-axes) without storing where an editor signs in from."""


def no_ip_address(request):
    """Give axes no IP address: the lock is per user name and needs none.

    Editors may sign in from home or from a shelter; a table of their addresses is
    something the portal should never hold. Axes stores None instead.
    """
    return None
