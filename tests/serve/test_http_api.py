"""The JSON API of a real `newslint serve`, over real HTTP: lint, fix, rules, styles."""

from __future__ import annotations

import json
import sys
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from helpers import run

from .conftest import ROOT

EXAMPLE_NAME = "examples/xinhua-blinken.txt"


def _blinked(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["matched"] == "Blinked"]


def test_lint_finds_blinked_at_23_104(service, example_text):
    status, body = service.post("/api/lint", {"text": example_text})
    assert status == 200
    [blinked] = _blinked(body["findings"])
    assert (blinked["line"], blinked["column"], blinked["rule"]) == (23, 104, "names.variant")
    assert blinked["suggestions"] == ["Blinken"]
    assert blinked["path"] == "story.txt"  # no filename given
    assert len(body["fixable"]) == len(body["findings"])


def test_findings_are_the_objects_format_json_writes(service, example_text):
    done = run("--isolated", "--format", "json", EXAMPLE_NAME, cwd=ROOT)
    assert done.returncode == 1, done.stderr
    status, body = service.post("/api/lint", {"text": example_text, "filename": EXAMPLE_NAME})
    assert status == 200
    assert body["findings"] == json.loads(done.stdout)


def test_style_changes_the_rules_used(service):
    text = "JERUSALEM, March 22 (Xinhua) -- Talks went on, officials said.\n"
    rules = lambda style: {f["rule"] for f in service.post("/api/lint", {"text": text, "style": style})[1]["findings"]}
    assert "dateline.dash" in rules("ap")
    assert "dateline.dash" not in rules("xinhua")  # Xinhua's own dash is the spaced double hyphen


def test_markdown_filename_masks_markup(service):
    text = "# Talks\n\nOfficials met on [Tuesday](https://example.com/teh-talks) in Doha.\n"
    status, body = service.post("/api/lint", {"text": text, "filename": "talks.md"})
    assert status == 200
    assert all("example.com" not in f["matched"] for f in body["findings"])
    assert all(f["path"] == "talks.md" for f in body["findings"])


def test_empty_story_is_a_notice_not_an_error(service):
    status, body = service.post("/api/lint", {"text": "   \n"})
    assert status == 200
    assert body["findings"] == [] and "empty story" in body["notices"][0]


def test_fix_applies_safe_fixes_and_reports_what_is_left(service, example_text):
    status, body = service.post("/api/fix", {"text": example_text})
    assert status == 200
    assert body["changed"] and body["converged"] and body["applied"] >= 1
    assert "(Xinhua) — U.S. Secretary" in body["text"]  # the dateline dash: a safe fix
    assert "Blinked reportedly" in body["text"]  # the name: an unsafe fix, left for a person to choose
    assert _blinked(body["findings"]) and "dateline.dash" in body["rules"]
    assert all(f["rule"] != "dateline.dash" for f in body["findings"])


def test_fix_with_unsafe_applies_the_name_too(service, example_text):
    status, body = service.post("/api/fix", {"text": example_text, "unsafe": True})
    assert status == 200
    assert "Blinken reportedly" in body["text"] and not _blinked(body["findings"])


def test_fix_one_finding_changes_only_its_words(service, example_text):
    [blinked] = _blinked(service.post("/api/lint", {"text": example_text})[1]["findings"])
    only = {"rule": blinked["rule"], "start": blinked["start"]}
    status, body = service.post("/api/fix", {"text": example_text, "only": only, "unsafe": True})
    assert status == 200
    assert body["text"] == example_text.replace("Blinked", "Blinken") and body["applied"] == 1
    assert "(Xinhua) -- U.S." in body["text"]  # the other fix is not applied


def test_fix_one_refuses_an_unsafe_fix_unless_asked(service, example_text):
    [blinked] = _blinked(service.post("/api/lint", {"text": example_text})[1]["findings"])
    status, body = service.post(
        "/api/fix", {"text": example_text, "only": {"rule": "names.variant", "start": blinked["start"]}}
    )
    assert status == 409 and body["field"] == "only"


def test_fix_one_on_changed_text_is_a_conflict(service, example_text):
    status, body = service.post("/api/fix", {"text": example_text, "only": {"rule": "names.variant", "start": 3}})
    assert status == 409
    assert "no fixable 'names.variant' finding at offset 3" in body["error"]


def test_fix_never_edits_a_quotation(service):
    text = 'BAGHDAD, March 22 (AP) — "We met Blinken, then Blinked left," Blinken said of Blinken.\n'
    status, body = service.post("/api/lint", {"text": text})
    assert status == 200
    quoted = [i for i, f in enumerate(body["findings"]) if f["matched"] == "Blinked"]
    assert quoted and all(body["fixable"][i] is None for i in quoted)
    assert "Blinked left" in service.post("/api/fix", {"text": text, "unsafe": True})[1]["text"]


def test_rules_list_what_list_rules_says(service):
    status, body = service.request("GET", "/api/rules")
    assert status == 200
    done = run("--isolated", "--list-rules", "--format", "json", cwd=ROOT)
    listed = json.loads(done.stdout)
    assert [{k: r[k] for k in listed[0]} for r in body["rules"]] == listed
    assert all(r["why"] for r in body["rules"])


def test_rule_explained(service):
    status, body = service.request("GET", "/api/rules/names.variant")
    assert status == 200
    assert body["id"] == "names.variant" and body["bad"] and body["good"] and body["why"]


def test_unknown_rule_is_404_with_did_you_mean(service):
    status, body = service.request("GET", "/api/rules/names.variat")
    assert status == 404
    assert body == {"error": "unknown rule 'names.variat' (did you mean 'names.variant'?)", "field": "id"}


def test_styles(service):
    status, body = service.request("GET", "/api/styles")
    assert status == 200 and body["default"] == "ap" and "xinhua" in body["styles"]


def test_desk_page_is_served_with_its_files(service):
    status, page = service.request("GET", "/")
    assert status == 200 and "<textarea" in page
    for asset in ("/desk/desk.js", "/desk/desk.css"):
        assert asset in page
        assert service.request("GET", asset)[0] == 200
    assert "http" not in page.replace("http-equiv", "")  # nothing from a CDN: the page works offline
    with urllib.request.urlopen(service.url + "/", timeout=30) as response:  # the browser keeps it to this service
        assert response.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_unknown_path_and_wrong_method_are_json_errors(service):
    assert service.request("GET", "/api/nothing")[0] == 404
    status, body = service.request("GET", "/api/lint")
    assert status == 405 and body["error"]


def _json_blocks(section: str) -> list[str]:
    text = (ROOT / "docs" / "serve.md").read_text(encoding="utf-8")
    body = text.split(f"### `{section}`", 1)[1].split("\n### ", 1)[0]
    return [block.split("\n```", 1)[0] for block in body.split("```json\n")[1:]]


def test_docs_lint_example_is_what_the_service_answers(service):
    request, answer = _json_blocks("POST /api/lint")[:2]
    status, body = service.post("/api/lint", json.loads(request))
    assert status == 200 and body == json.loads(answer), "docs/serve.md's /api/lint example is stale"


def test_docs_fix_example_is_what_the_service_answers(service):
    request, answer = _json_blocks("POST /api/fix")[:2]
    status, body = service.post("/api/fix", json.loads(request))
    assert status == 200
    shown = answer.split('"text": "', 1)[1].split(" …", 1)[0]
    assert body["text"].startswith(shown) and f'"applied": {body["applied"]}' in answer
    assert f'"rules": {json.dumps(body["rules"])}' in answer


def test_requests_at_once_get_the_answers_they_would_get_alone(service, example_text):
    """Requests in parallel, in different styles, share one warm engine: each answer is its own."""
    from concurrent.futures import ThreadPoolExecutor

    requests = [{"text": example_text, "style": style} for style in ("ap", "reuters", "xinhua", "guardian")] * 4
    alone = {r["style"]: service.post("/api/lint", r)[1] for r in requests[:4]}
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda r: service.post("/api/lint", r), requests))
    assert all(status == 200 for status, _ in answers)
    assert [body for _, body in answers] == [alone[r["style"]] for r in requests]
    assert len({json.dumps(body) for body in alone.values()}) > 1  # the styles do differ
