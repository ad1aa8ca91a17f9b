"""The portal's site shell: settings, home page, guidance pages and site-wide parts."""
