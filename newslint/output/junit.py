"""JUnit XML: one testcase per file, failing with its findings (for GitLab and other CI reports)."""

from __future__ import annotations

from collections import defaultdict
from xml.etree import ElementTree as ET

from newslint.output import Report
from newslint.output.text import format_finding


def render(report: Report) -> str:
    by_path = defaultdict(list)
    for finding in report.findings:
        by_path[finding.path].append(finding)
    suite = ET.Element(
        "testsuite",
        name="newslint",
        tests=str(len(report.paths)),
        failures=str(sum(1 for p in report.paths if by_path[p] and p not in report.errors)),
        errors=str(sum(1 for p in report.paths if p in report.errors)),
    )
    for path in report.paths:
        case = ET.SubElement(suite, "testcase", classname="newslint", name=path)
        found = by_path[path]
        if path in report.errors:  # not (wholly) checked: an error, never a passing test case
            error = ET.SubElement(case, "error", message=report.errors[path], type="newslint.not-checked")
            error.text = "\n".join(format_finding(f) for f in found) or None  # what was found before it stopped
        elif found:
            failure = ET.SubElement(case, "failure", message=f"{len(found)} finding(s)", type="newslint")
            failure.text = "\n".join(format_finding(f) for f in found)
    suites = ET.Element("testsuites")
    suites.append(suite)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
