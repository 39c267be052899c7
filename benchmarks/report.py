"""Render benchmark results: a plain table for the terminal and a Markdown page for docs/benchmark.md."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """One measured number against its target; `met` is None when there is no target."""

    metric: str
    value: str
    target: str = ""
    met: bool | None = None

    @property
    def verdict(self) -> str:
        return "" if self.met is None else ("met" if self.met else "MISSED")


@dataclass(frozen=True)
class Section:
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    note: str = ""


def target_section(rows: Sequence[Row]) -> Section:
    return Section(
        "Targets",
        ("measure", "value", "target", ""),
        tuple((r.metric, r.value, r.target, r.verdict) for r in rows),
    )


def text_table(section: Section) -> str:
    """A fixed-width table; first column left-aligned, the rest right-aligned."""
    table = [section.header, *section.rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(section.header))]
    lines = [section.title, "-" * len(section.title)]
    for row in table:
        cells = [row[0].ljust(widths[0])] + [cell.rjust(w) for cell, w in zip(row[1:], widths[1:])]
        lines.append("  ".join(cells).rstrip())
    if section.note:
        lines.append(section.note)
    return "\n".join(lines)


def markdown_table(section: Section) -> str:
    head = "| " + " | ".join(section.header) + " |"
    rule = "| " + " | ".join(["---"] + ["---:"] * (len(section.header) - 1)) + " |"
    body = ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in section.rows]
    note = f"\n{section.note}\n" if section.note else ""
    return f"## {section.title}\n\n" + "\n".join([head, rule, *body]) + "\n" + note


def markdown_page(intro: str, machine: dict[str, str], sections: Sequence[Section]) -> str:
    machine_lines = "\n".join(f"- **{key}**: {value}" for key, value in machine.items())
    parts = ["# Benchmark\n", intro.strip() + "\n", "## Machine\n", machine_lines + "\n"]
    parts += [markdown_table(section) for section in sections]
    return "\n".join(parts)
