"""Errors that storage raises with a message meant for users (in Chinese)."""


class UserError(Exception):
    """Any failure the user can understand and act on; str() is the message shown."""


class NewerDatabaseError(UserError):
    pass


class DatabaseOpenError(UserError):
    pass


class ConflictError(UserError):
    """Someone else saved the same record first (optimistic locking)."""


def os_reason(exc: OSError) -> str:
    """An operating-system failure in users' words."""
    import errno

    words = {errno.EACCES: "没有权限", errno.EPERM: "没有权限", errno.ENOSPC: "磁盘空间不足",
             errno.EROFS: "磁盘是只读的", errno.EEXIST: "路径中有一个同名的文件",
             errno.ENOTDIR: "路径中有一个同名的文件", errno.ENOENT: "路径不存在"}
    return words.get(exc.errno or 0, exc.strerror or str(exc))
