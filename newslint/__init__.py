"""newslint: an editorial style and consistency linter for news copy."""

__version__ = "0.1.0"
