"""Explanations for the bare numbers chat services return.

``chatcodes`` turns codes such as ``ErrorCode: 70001``, ``ResultCode: 30515``
or ``-10106`` from Tencent Cloud Chat and Nexconn (formerly RongCloud) into
what a program needs to act on them: the category, the official name, the
description, whether and how to retry, the documented retry delay and a
remedy::

    >>> import chatcodes
    >>> e = chatcodes.explain(70001)
    >>> e.name, e.retryability
    ('ERR_SVR_ACCOUNT_USERSIG_EXPIRED', 'reauthenticate')
    >>> report = chatcodes.check('{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"expired"}')
    >>> report.failed, report.outcomes[0].code
    (True, 70001)

The catalogue is the Rust crate's, compiled into the extension module: the
same codes and the same logic as the ``chatcodes`` command, whose version is
``CATALOGUE_VERSION``.
"""

from ._chatcodes import (
    CATALOGUE_VERSION,
    Enricher,
    Explanation,
    NotAResponse,
    Outcome,
    Report,
    Summary,
    __version__,
    check,
    enrich_line,
    entries,
    explain,
    explain_all,
)

__all__ = [
    "CATALOGUE_VERSION",
    "Enricher",
    "Explanation",
    "NotAResponse",
    "Outcome",
    "Report",
    "Summary",
    "__version__",
    "check",
    "enrich_line",
    "entries",
    "explain",
    "explain_all",
]
