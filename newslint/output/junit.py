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
        failures=str(sum(1 for p in report.paths if by_path[p])),
        errors="0",
    )
    for path in report.paths:
        case = ET.SubElement(suite, "testcase", classname="newslint", name=path)
        found = by_path[path]
        if found:
            failure = ET.SubElement(case, "failure", message=f"{len(found)} finding(s)", type="newslint")
            failure.text = "\n".join(format_finding(f) for f in found)
    suites = ET.Element("testsuites")
    suites.append(suite)
    return ET.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"
