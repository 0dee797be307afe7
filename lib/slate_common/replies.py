"""Small helpers every service's entrypoints share: reading the gateway's request dict
and building the reply envelope (docs/CONTRACTS.md)."""


class JsonText(str):
    """A body the service encoded itself (PostgreSQL built it): the envelope carries it as
    `body_json`, which the gateway writes as is instead of decoding and encoding it again."""


def ok(body, status=200):
    """The reply envelope."""
    if isinstance(body, JsonText):
        return {"status": status, "body_json": str(body)}
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
