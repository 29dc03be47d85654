"""What every web page is served with: a strict content security policy (the pages are in webtoons.pages).

The studio and the reader are plain templates with a local script and stylesheet (no CDN), served with a strict
content security policy. User text reaches the HTML only through Django's autoescaping (reader)
or `textContent` (studio script), never as markup.
"""

from functools import wraps

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data: blob: https:",
        "style-src 'self'",
        "script-src 'self'",
        "connect-src 'self' ws: wss:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def content_security_policy(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Referrer-Policy", "same-origin")
        return response

    return wrapped
