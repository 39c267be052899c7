"""`--list-rules` and `--explain RULE`: the rules' own TOML, shown as documentation."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from newslint.config import Settings
from newslint.errors import NewslintError, did_you_mean
from newslint.packs import Rule
from newslint.selection import is_selected


def list_rules(rules: Sequence[Rule], settings: Settings, fmt: str) -> int:
    rows = [
        {
            "id": r.id,
            "type": r.type,
            "level": str(r.level),
            "enabled": is_selected(r, settings),
            "styles": list(r.styles),
            "why": r.why,
        }
        for r in sorted(rules, key=lambda r: r.id)
    ]
    if fmt == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return 0
    width = max(len(r["id"]) for r in rows)
    for row in rows:
        mark = "on " if row["enabled"] else "off"
        print(f"{row['id']:<{width}}  {mark}  {row['level']:<10}  {row['why'].splitlines()[0][:70]}")
    return 0


def explain(rule_id: str, rules: Sequence[Rule]) -> int:
    by_id = {r.id: r for r in rules}
    if rule_id not in by_id:
        raise NewslintError([f"unknown rule '{rule_id}'{did_you_mean(rule_id, by_id)}"])
    rule = by_id[rule_id]
    lines = [f"{rule.id} ({rule.type}, {rule.level})", "", rule.why.strip(), ""]
    if rule.link:
        lines += [f"See: {rule.link}", ""]
    if rule.styles:
        lines += [f"Styles: {', '.join(rule.styles)}", ""]
    lines += ["Flagged:"] + [f"    {b}" for b in rule.bad] + ["", "Fine:"] + [f"    {g}" for g in rule.good]
    print("\n".join(lines))
    return 0
