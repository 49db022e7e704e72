"""Errors that storage raises with a message meant for users (in Chinese)."""


class UserError(Exception):
    """Any failure the user can understand and act on; str() is the message shown."""


class NewerDatabaseError(UserError):
    pass


class DatabaseOpenError(UserError):
    pass


class ConflictError(UserError):
    """Someone else saved the same record first (optimistic locking)."""
