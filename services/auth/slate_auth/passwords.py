"""bcrypt password hashes and Zou's password rules.

bcrypt is slow on purpose (~0.25 s at Zou's 12 rounds): it runs in eventlet's OS thread
pool so a login never freezes the other requests of a service process, and several
logins use several cores (bcrypt releases the GIL).
"""
import bcrypt
from eventlet import tpool

from slate_common import errors

MIN_LENGTH = 8
DUMMY = bcrypt.hashpw(b"dummy-password", bcrypt.gensalt())


def hash_password(password):
    return tpool.execute(bcrypt.hashpw, password.encode("utf-8")[:72], bcrypt.gensalt())


def check_password(hashed, password):
    """True if `password` matches. Without a hash it still spends a bcrypt check, so
    timing does not tell which emails exist."""
    candidate = (password if isinstance(password, str) else "").encode("utf-8")[:72]
    if not hashed:
        tpool.execute(bcrypt.checkpw, candidate, DUMMY)
        return False
    try:
        return tpool.execute(bcrypt.checkpw, candidate, bytes(hashed))
    except ValueError:
        return False


def validate_new_password(password, password_2=None):
    """Zou's order: too short first, then the confirmation."""
    if len(password or "") < MIN_LENGTH:
        raise errors.Invalid("Password is too short.")
    if password_2 is not None and password != password_2:
        raise errors.Invalid("Confirmation password doesn't match.")
