"""`newslint lsp` driven as a real subprocess over JSON-RPC on stdio, as an editor drives it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the language server needs the lsp extra")

from lsp_client import LspClient  # beside this file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "xinhua-blinken.txt"
BLINKED = (22, 103)  # 0-based line and character of "Blinked" (the CLI's 23:104)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    """The example story in a folder of its own, away from any config of the repository."""
    copy = tmp_path / "story.txt"
    shutil.copyfile(EXAMPLE, copy)
    return copy


@pytest.fixture
def client():
    made: list[LspClient] = []

    def start(*args: str) -> LspClient:
        made.append(LspClient(*args))
        return made[-1]

    yield start
    for each in made:
        each.close()


def _by_rule(diagnostics: list[dict], rule: str) -> list[dict]:
    return [d for d in diagnostics if d.get("code") == rule]


def _start(diagnostic: dict) -> tuple[int, int]:
    return diagnostic["range"]["start"]["line"], diagnostic["range"]["start"]["character"]


def test_the_example_story_gets_blinked_and_a_change_that_fixes_it_clears_it(client, story):
    server = client()
    result = server.initialize(story.parent)
    capabilities = result["capabilities"]
    assert capabilities["codeActionProvider"]
    assert capabilities["textDocumentSync"]["change"] == 1  # full text: see the server's note
    assert result["serverInfo"]["name"] == "newslint"
    uri = server.open(story)

    diagnostics = server.diagnostics(uri, version=1)
    [blinked] = _by_rule(diagnostics, "names.variant")
    assert _start(blinked) == BLINKED
    assert blinked["range"]["end"] == {"line": 22, "character": 110}
    assert blinked["severity"] == 1  # error: the shipped level of names.variant
    assert blinked["source"] == "newslint"
    assert "Blinken" in blinked["message"]
    [why] = blinked["relatedInformation"]
    assert why["message"].startswith("Why: ") and len(why["message"]) > 20
    assert why["location"]["uri"] == uri
    suggestions = _by_rule(diagnostics, "attribution.anonymous-source")
    assert suggestions and all(d["severity"] == 3 for d in suggestions)  # suggestion: information

    fixed = story.read_text(encoding="utf-8").replace("Blinked", "Blinken")
    server.change(uri, 2, fixed)
    after = server.diagnostics(uri, version=2)
    assert _by_rule(after, "names.variant") == []
    assert len(after) == len(diagnostics) - 1

    assert server.shutdown_and_exit() == 0
    assert server.process.stderr.read() == b""


def _emoji_story(story: Path) -> str:
    lines = story.read_text(encoding="utf-8").split("\n")
    lines[22] = "\U0001f4f0 " + lines[22]  # a newspaper emoji: one code point, two UTF-16 units, four UTF-8 bytes
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("encodings", "agreed", "character"),
    [
        (None, "utf-16", 103 + 3),  # a client that says nothing counts UTF-16 code units
        (["utf-32", "utf-16"], "utf-32", 103 + 2),
        (["utf-8"], "utf-8", 103 + 5),
    ],
)
def test_positions_count_the_units_the_client_agreed_to(client, story, encodings, agreed, character):
    server = client()
    capabilities = {"general": {"positionEncodings": encodings}} if encodings else {}
    result = server.initialize(story.parent, capabilities)
    assert result["capabilities"].get("positionEncoding", "utf-16") == agreed
    uri = server.open(story, _emoji_story(story))
    [blinked] = _by_rule(server.diagnostics(uri), "names.variant")
    assert _start(blinked) == (22, character)
    assert blinked["range"]["end"]["character"] - character == 7  # "Blinked" is plain ASCII in every unit


def test_a_change_is_linted_once_the_typing_stops(client, story):
    server = client("--debounce", "1000")  # wide, so that a busy machine still sends the burst within it
    server.initialize(story.parent)
    uri = server.open(story)
    server.diagnostics(uri, version=1)
    text = story.read_text(encoding="utf-8")
    for version, name in ((2, "Blinke"), (3, "Blink"), (4, "Blinken")):  # three edits in a burst
        server.change(uri, version, text.replace("Blinked", name))
    published = server.wait_for("textDocument/publishDiagnostics", lambda p: p["uri"] == uri)
    assert published["version"] == 4  # the burst's earlier versions were never linted
    assert _by_rule(published["diagnostics"], "names.variant") == []
    assert server.shutdown_and_exit() == 0


@pytest.mark.parametrize("separator", ["\u2028", "\x0c", "\x85", "\x1e"])
def test_only_cr_and_lf_end_a_line(client, story, separator):
    """LSP lines end at CR, LF and CRLF only; Python's splitlines also splits at these."""
    lines = story.read_text(encoding="utf-8").split("\n")
    lines[4] = lines[4] + separator + "Added."
    server = client()
    server.initialize(story.parent)
    uri = server.open(story, "\n".join(lines))
    [blinked] = _by_rule(server.diagnostics(uri, version=1), "names.variant")
    assert _start(blinked) == BLINKED
    lines[21] = lines[21] + separator
    server.change(uri, 2, "\n".join(lines))
    [blinked] = _by_rule(server.diagnostics(uri, version=2), "names.variant")
    assert _start(blinked) == BLINKED
    assert server.shutdown_and_exit() == 0


def test_code_actions_offer_the_safe_fix_and_not_the_unsafe_one(client, story):
    server = client()
    server.initialize(story.parent)
    uri = server.open(story)
    diagnostics = server.diagnostics(uri)
    [dash] = _by_rule(diagnostics, "dateline.dash")
    [blinked] = _by_rule(diagnostics, "names.variant")

    actions = server.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": uri}, "range": dash["range"], "context": {"diagnostics": [dash]}},
    )
    [quick] = [a for a in actions if a["kind"] == "quickfix"]
    assert quick["isPreferred"] is True
    assert quick["diagnostics"][0]["code"] == "dateline.dash"
    [edit] = quick["edit"]["changes"][uri]
    assert edit == {"range": dash["range"], "newText": " — "}
    [every] = [a for a in actions if a["kind"] == "source.fixAll.newslint"]
    [whole] = every["edit"]["changes"][uri]
    assert "JERUSALEM, March 22 (Xinhua) — U.S." in whole["newText"]
    assert "Blinked" in whole["newText"]  # the name fix is unsafe: a person decides

    for only in (["source"], ["source.fixAll"], ["source.fixAll.newslint"]):  # what a fix-on-save asks for
        params = {"textDocument": {"uri": uri}, "range": blinked["range"], "context": {"diagnostics": [], "only": only}}
        assert [a["kind"] for a in server.request("textDocument/codeAction", params)] == ["source.fixAll.newslint"]

    on_the_name = server.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": blinked["range"],
            "context": {"diagnostics": [blinked], "only": ["quickfix"]},
        },
    )
    assert on_the_name == []
    assert server.shutdown_and_exit() == 0


def test_unsafe_fixes_are_offered_when_the_client_asks_for_them(client, story):
    server = client()
    server.initialize(story.parent, options={"unsafeFixes": True})
    uri = server.open(story)
    [blinked] = _by_rule(server.diagnostics(uri), "names.variant")
    actions = server.request(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": blinked["range"],
            "context": {"diagnostics": [blinked], "only": ["quickfix"]},
        },
    )
    [edit] = [e for a in actions for e in a["edit"]["changes"][uri]]
    assert edit == {"range": blinked["range"], "newText": "Blinken"}
    assert server.shutdown_and_exit() == 0


def test_the_closest_newslint_toml_is_honoured_and_read_again_when_edited(client, story):
    config = story.parent / "newslint.toml"
    config.write_text('ignore = ["names"]\n', encoding="utf-8")
    server = client()
    server.initialize(story.parent)
    uri = server.open(story)
    assert _by_rule(server.diagnostics(uri, version=1), "names.variant") == []

    config.write_text('ignore = ["attribution"]\n', encoding="utf-8")
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    diagnostics = server.diagnostics(uri)
    assert _by_rule(diagnostics, "names.variant")
    assert not [d for d in diagnostics if d["code"].startswith("attribution.")]
    assert server.shutdown_and_exit() == 0


def test_a_broken_config_is_reported_on_the_document_and_the_server_goes_on(client, story, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "newslint.toml").write_text('ignor = ["names"]\n', encoding="utf-8")
    broken = bad / "story.txt"
    shutil.copyfile(story, broken)
    server = client()
    server.initialize(tmp_path)
    [problem] = server.diagnostics(server.open(broken))
    assert "unknown key 'ignor'" in problem["message"] and "did you mean 'ignore'" in problem["message"]
    assert problem["severity"] == 1 and problem["range"]["start"] == {"line": 0, "character": 0}

    assert _by_rule(server.diagnostics(server.open(story)), "names.variant")  # the next document is checked
    assert server.shutdown_and_exit() == 0


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\x02 binary \ufffd", "\ud800 a lone surrogate", "“" * 5000, "\r\n\r\r\n" * 100, "Blinken " * 20000],
)
def test_odd_documents_never_end_the_session(client, story, text):
    server = client()
    server.initialize(story.parent)
    odd = server.open(story.parent / "odd.txt", text)
    assert isinstance(server.diagnostics(odd), list)
    assert _by_rule(server.diagnostics(server.open(story)), "names.variant")
    assert server.shutdown_and_exit() == 0


def test_closing_a_document_clears_its_diagnostics(client, story):
    server = client()
    server.initialize(story.parent)
    uri = server.open(story)
    assert server.diagnostics(uri)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert server.diagnostics(uri) == []
    assert server.shutdown_and_exit() == 0


def test_exit_without_shutdown_exits_1(client, story):
    server = client()
    server.initialize(story.parent)
    server.notify("exit")
    assert server.process.wait(timeout=60) == 1


def test_without_pygls_the_command_says_which_extra_to_install():
    """As when newslint is installed without the lsp extra: pygls cannot be imported."""
    import subprocess
    import sys

    script = "import sys; sys.modules['pygls'] = None; from newslint.cli import main; sys.exit(main(['lsp']))"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr == "newslint: error: `newslint lsp` needs pygls: pip install 'newslint[lsp]'\n"
    assert done.stdout == ""


def test_help_names_the_options():
    from helpers import run

    done = run("lsp", "--help")
    assert done.returncode == 0
    assert b"--debounce" in done.stdout and b"usage: newslint lsp" in done.stdout


@pytest.mark.parametrize(("language", "found"), [("markdown", False), ("plaintext", True)])
def test_an_unsaved_document_is_read_as_markdown_when_the_editor_says_so(client, story, language, found):
    """Markdown masks code spans, so a name inside backticks is not the story's; plain text reads it."""
    text = story.read_text(encoding="utf-8").replace("Blinked", "`Blinked`")
    server = client()
    server.initialize(story.parent)
    uri = "untitled:Untitled-1"
    item = {"uri": uri, "languageId": language, "version": 1, "text": text}
    server.notify("textDocument/didOpen", {"textDocument": item})
    assert bool(_by_rule(server.diagnostics(uri), "names.variant")) is found
    assert server.shutdown_and_exit() == 0
