"""Small helpers every service's entrypoints share: reading the gateway's request dict
and building the reply envelope (docs/CONTRACTS.md)."""


def ok(body, status=200):
    """The reply envelope."""
    return {"status": status, "body": body}


def params(request):
    """The path parameters of a request."""
    return request.get("params") or {}


def query(request):
    """The query-string arguments of a request."""
    return request.get("query") or {}


def is_true(value):
    """Zou's boolean query values ("true", any case)."""
    return str(value).lower() == "true"
