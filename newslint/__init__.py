"""newslint: an editorial style and consistency linter for news copy."""

__version__ = "0.1.0"

# The Python API (newslint/api.py), imported on first use: `import newslint` by the command line stays as
# fast as it was, and a program that only lints pays for the engine when it first asks.
_API = ("lint_text", "fix_text", "lint", "fix_finding", "list_rules", "explain_rule")


def __getattr__(name: str):
    if name in _API:
        from newslint import api

        return getattr(api, name)
    raise AttributeError(f"module 'newslint' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
