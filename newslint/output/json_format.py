"""A flat JSON array of findings; the schema is documented in docs/json-output.md."""

from __future__ import annotations

import json

from newslint.output import Report


def render(report: Report) -> str:
    return json.dumps([f.to_dict() for f in report.findings], ensure_ascii=False, indent=2) + "\n"
