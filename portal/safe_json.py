"""JSON that is safe even if a browser were to read it as HTML: <, > and & are
written as \\u escapes, so text a visitor sent never comes back as live markup."""

from django.core.serializers.json import DjangoJSONEncoder

_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


class MarkupSafeJSONEncoder(DjangoJSONEncoder):
    def encode(self, o):
        return super().encode(o).translate(_ESCAPES)
