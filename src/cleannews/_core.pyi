"""Type stub of the extension module built from crates/cleannews-py."""

from types import ModuleType

__version__: str

def rule_names() -> list[str]: ...

_stages: ModuleType
