"""Type stubs of the extension module `chatcodes._chatcodes` (re-exported by `chatcodes`)."""

from typing import Any, BinaryIO, Literal, Optional, Sequence, SupportsIndex, Tuple, TypeVar, Union, final

_Line = TypeVar("_Line", str, bytes)

#: The version of the catalogue, e.g. "2026.12.1+4e490dfe6d967b66": the date of the data and a digest of it.
CATALOGUE_VERSION: str
#: The version of the package.
__version__: str

Lang = Literal["en", "zh"]
Vendor = Literal["tencent", "nexconn"]

class NotAResponse(ValueError):
    """The body given to `check` is not a response that can be judged; the message says why."""

@final
class Explanation:
    """Everything the catalogue knows about one code."""

    @property
    def code(self) -> int:
        """The code asked about (the first code of a range entry found by name)."""
    @property
    def range(self) -> Optional[Tuple[int, int]]:
        """`(first, last)` for an entry that covers a range of codes."""
    @property
    def vendor(self) -> str:
        """"tencent" or "nexconn"."""
    @property
    def namespace(self) -> str:
        """The namespace the code is defined in, e.g. "tencent_server"."""
    @property
    def category(self) -> str:
        """The documentation section, e.g. "account"."""
    @property
    def name(self) -> Optional[str]:
        """The official name, where the vendor publishes one."""
    @property
    def description(self) -> str:
        """What the code means."""
    @property
    def retryability(self) -> str:
        """Whether and how to retry, e.g. "reauthenticate", "transient", "permanent"."""
    @property
    def retry_after_ms(self) -> Optional[int]:
        """The documented minimum wait before retrying, in milliseconds."""
    @property
    def remedy(self) -> str:
        """What to do about it."""
    @property
    def source(self) -> str:
        """The document and section the description comes from."""
    @property
    def causes(self) -> list[str]:
        """Known causes (may be empty)."""
    @property
    def note(self) -> Optional[str]:
        """A fact beside the description (an older meaning of the number)."""
    @property
    def already_done(self) -> Optional[str]:
        """On a REST API's own row: why the code means the goal already holds."""
    @property
    def api(self) -> Optional[str]:
        """The REST API whose own table this row is."""
    @property
    def repeat(self) -> Optional[dict[str, Any]]:
        """For a code explained for an API: {"safe": True} or {"safe": False, "how": "..."}."""
    @property
    def aliases(self) -> list[str]:
        """Other names that lead to this entry."""
    @property
    def retired(self) -> bool:
        """Whether only older material documents the code."""
    @property
    def is_failure(self) -> bool:
        """Whether the code reports a failure."""
    def to_dict(self) -> dict[str, Any]:
        """The record `chatcodes explain --format json` writes."""
    def __eq__(self, other: object) -> bool: ...

@final
class Outcome:
    """One outcome of a response that is not a plain success."""

    @property
    def kind(self) -> Literal["request", "item_code", "item_status", "fail_list", "dropped"]:
        """Where it was reported."""
    @property
    def code(self) -> Optional[int]:
        """The code, or None for an outcome reported without one."""
    @property
    def item(self) -> Optional[str]:
        """The item it concerns (an account, a group ...), or None for the request."""
    @property
    def item_field(self) -> Optional[str]:
        """The member that names the item, e.g. "To_Account"."""
    @property
    def array(self) -> Optional[str]:
        """The item array it was found in, e.g. "ResultItem"."""
    @property
    def status(self) -> Optional[int]:
        """The item's status, where that decided it."""
    @property
    def message(self) -> str:
        """The service's own message, or ""."""
    @property
    def explanation(self) -> Optional[Explanation]:
        """The code explained, or None."""
    @property
    def is_failure(self) -> bool:
        """Whether this outcome is a failure."""
    @property
    def already_done(self) -> bool:
        """Whether the failure means the operation's goal already holds."""
    @property
    def retryability(self) -> str:
        """Whether and how to retry ("unknown" for a code the catalogue lacks)."""
    @property
    def retry_after_ms(self) -> Optional[int]:
        """The documented minimum wait before retrying, in milliseconds."""

@final
class Report:
    """The verdict on one response body."""

    @property
    def failed(self) -> bool:
        """Whether the call or any item failed."""
    @property
    def already_done(self) -> bool:
        """Whether every failure means the goal already holds on the API given."""
    @property
    def outcomes(self) -> list[Outcome]:
        """Every outcome that is not a plain success, in the body's order."""
    @property
    def vendor(self) -> str:
        """"tencent" or "nexconn"."""
    @property
    def api(self) -> Optional[str]:
        """The REST API it was read as."""
    @property
    def repeat(self) -> Optional[dict[str, Any]]:
        """For a response read as an API's: whether the request can be sent again as it is."""
    @property
    def code(self) -> int:
        """The top-level code."""
    @property
    def message(self) -> str:
        """The top-level message, or ""."""
    @property
    def action_status(self) -> Optional[str]:
        """`ActionStatus`, for a Tencent response that has it."""
    @property
    def request_id(self) -> Optional[str]:
        """The request ID the service returned."""

@final
class Summary:
    """Counts of one `Enricher.stream` run."""

    @property
    def lines(self) -> int: ...
    @property
    def enriched(self) -> int: ...
    @property
    def unknown_codes(self) -> int: ...
    @property
    def not_json(self) -> int: ...

@final
class Enricher:
    """Explains the code fields of NDJSON log lines in place, as `chatcodes enrich` does."""

    def __init__(
        self,
        namespace: Optional[str] = None,
        api: Optional[str] = None,
        api_field: Optional[str] = "api",
        fields: Optional[Sequence[str]] = None,
        paths: Optional[Sequence[str]] = None,
        lang: Optional[Lang] = None,
    ) -> None: ...
    def line(self, line: _Line) -> _Line:
        """The line as `chatcodes enrich` writes it, of the same type."""
    def stream(self, source: BinaryIO, sink: BinaryIO) -> Summary:
        """Copies `source` to `sink` line by line, explaining what it can."""

def explain(
    code: Union[int, str, SupportsIndex],
    namespace: Optional[str] = None,
    api: Optional[str] = None,
    lang: Optional[Lang] = None,
) -> Optional[Explanation]:
    """Explains a code (a number or an official name); None when the catalogue lacks it."""

def explain_all(code: Union[int, str, SupportsIndex], lang: Optional[Lang] = None) -> list[Explanation]:
    """Every meaning of a code, one per namespace that has it, best first."""

def entries(namespace: Optional[str] = None, lang: Optional[Lang] = None) -> list[Explanation]:
    """Every entry of the catalogue, or of one namespace, in data order."""

def check(
    body: Union[str, bytes],
    api: Optional[str] = None,
    vendor: Optional[Vendor] = None,
    lang: Optional[Lang] = None,
) -> Report:
    """Judges a REST response body as `chatcodes check` does; raises NotAResponse."""

def enrich_line(line: _Line) -> _Line:
    """The line as `chatcodes enrich` writes it, of the same type."""
