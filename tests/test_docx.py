"""Word stories: `newslint story.docx` reads the paragraphs (paragraph number as the line, character in the
paragraph as the column); a broken or encrypted .docx is one clear line and exit 2; --fix rewrites runs."""

from __future__ import annotations

import functools
import io
import json
import os
import zipfile
from pathlib import Path

import pytest
from helpers import run
from hypothesis import given, settings
from hypothesis import strategies as st

from newslint.text.docx import DocxError, docx_paragraphs

docx = pytest.importorskip("docx", reason="python-docx (the test extra) makes the test documents")

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "xinhua-blinken.txt"


def _word(path: Path, paragraphs: list[str]) -> Path:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def _example_lines() -> list[str]:
    return EXAMPLE.read_text(encoding="utf-8").split("\n")


def _example_paragraphs() -> list[str]:
    return [p.strip("\n") for p in EXAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def _json(done) -> list[dict]:
    return json.loads(done.stdout)


def test_the_example_story_saved_as_docx_gets_blinked(tmp_path):
    story = _word(tmp_path / "story.docx", _example_lines())  # a Word paragraph for each line, blank ones too
    done = run("--isolated", str(story), cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    lines = done.stdout.decode().splitlines()
    names = [line for line in lines if " names." in line]
    assert names == [
        (
            f"{story}:23:104: error names.variant 'Blinked' may be a misspelling of 'Blinken', which this story "
            "uses 6 times; 'Blinked' is an English word used here as a name (suggestion: Blinken)"
        )
    ]
    text_run = run("--isolated", str(EXAMPLE), cwd=tmp_path).stdout.decode()
    assert [line.replace(str(story), "") for line in lines] == [
        line.replace(str(EXAMPLE), "") for line in text_run.splitlines()
    ]  # the same findings at the same places as the text story


def test_one_word_paragraph_a_story_paragraph_finds_headline_dateline_and_body(tmp_path):
    """Word writes no blank paragraph between paragraphs: each paragraph is still a paragraph of the story."""
    paragraphs = _example_paragraphs()
    story = _word(tmp_path / "story.docx", paragraphs)
    findings = _json(run("--isolated", "--format", "json", str(story), cwd=tmp_path))
    text_findings = _json(run("--isolated", "--format", "json", str(EXAMPLE), cwd=tmp_path))
    assert [f["rule"] for f in findings] == [f["rule"] for f in text_findings]
    by_rule = {f["rule"]: f for f in findings}
    assert (by_rule["names.variant"]["line"], by_rule["names.variant"]["column"]) == (12, 104)
    assert by_rule["dateline.dash"]["line"] == paragraphs.index(next(p for p in paragraphs if "JERUSALEM" in p)) + 1
    reported = "\n".join(paragraphs)
    for finding in findings:  # every position points at the words it names, in the text a reader counts
        paragraph = paragraphs[finding["line"] - 1]
        column = finding["column"] - 1
        assert paragraph[column : column + len(finding["matched"])] == finding["matched"]
        assert reported[finding["start"] : finding["end"]] == finding["matched"]


def test_columns_count_characters_not_bytes(tmp_path):
    paragraphs = _example_paragraphs()
    blinked = next(i for i, p in enumerate(paragraphs) if "Blinked" in p)
    paragraphs[blinked] = "\U0001f4f0 Ünïcode " + paragraphs[blinked]
    findings = _json(run("--isolated", "--format", "json", str(_word(tmp_path / "s.docx", paragraphs)), cwd=tmp_path))
    [name] = [f for f in findings if f["rule"] == "names.variant"]
    assert (name["line"], name["column"]) == (blinked + 1, 104 + 10)


def test_a_folder_includes_docx_stories_but_not_words_lock_files(tmp_path):
    _word(tmp_path / "story.docx", _example_lines())
    (tmp_path / "~$story.docx").write_bytes(b"\x0bjdoe" + bytes(150))  # what Word leaves while the file is open
    done = run("--isolated", "--select", "names", ".", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    [finding] = done.stdout.decode().splitlines()  # the lock file is not read at all
    assert finding.startswith("./story.docx:23:104: error names.variant")
    assert done.stderr.decode() == "newslint: 1 finding (1 error) in 1 story\n"  # one story: no lock file


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (os.urandom(4096).replace(b"PK", b"pk"), "not a Word document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + os.urandom(4096), "password-protected"),
        (b"", "not a Word document"),
    ],
)
def test_random_bytes_or_an_encrypted_docx_is_one_line_and_exit_2_and_the_others_are_checked(tmp_path, data, reason):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(data)
    good = _word(tmp_path / "good.docx", _example_lines())
    done = run("--isolated", "--select", "names", str(bad), str(good), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"newslint: error: {bad}: {reason}" + _rest(done, bad, reason),
        "newslint: 1 finding (1 error) in 1 of 2 stories; 1 story not fully checked",  # the run's summary
    ]
    assert _rest(done, bad, reason).endswith("; story not checked")
    assert "Traceback" not in done.stderr.decode()
    assert f"{good}:23:104: error names.variant" in done.stdout.decode()


def _rest(done, bad: Path, reason: str) -> str:
    """The part of the error line after its reason (the detail differs with the bytes)."""
    line = done.stderr.decode().splitlines()[0]
    return line[len(f"newslint: error: {bad}: {reason}") :]


def _zip(path: Path, parts: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as package:
        for name, text in parts.items():
            package.writestr(name, text)
    return path


def test_a_zip_that_is_not_a_word_document(tmp_path):
    bad = _zip(tmp_path / "bad.docx", {"story.txt": "Not Word."})
    done = run("--isolated", str(bad), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().splitlines() == [
        f"newslint: error: {bad}: not a Word document (no document part in the archive); story not checked",
        "newslint: 0 findings in 1 story; 1 story not fully checked",
    ]


def test_a_truncated_docx(tmp_path):
    whole = _word(tmp_path / "whole.docx", _example_lines()).read_bytes()
    cut = tmp_path / "cut.docx"
    cut.write_bytes(whole[: len(whole) // 2])
    done = run("--isolated", str(cut), cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"newslint: error: {cut}: not a Word document")
    assert done.stderr.decode().splitlines()[1:] == ["newslint: 0 findings in 1 story; 1 story not fully checked"]


def _parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as package:
        return {info.filename: package.read(info) for info in package.infolist()}


def _formatted_dateline(path: Path) -> Path:
    """The example story with its dateline city in bold and a comment-free italic word later on."""
    document = docx.Document()
    for text in _example_paragraphs():
        if text.startswith("JERUSALEM"):
            paragraph = document.add_paragraph()
            paragraph.add_run("JERUSALEM").bold = True
            paragraph.add_run(text[len("JERUSALEM") :])
        else:
            document.add_paragraph(text)
    document.save(str(path))
    return path


def test_fix_rewrites_the_run_and_keeps_its_formatting_and_every_other_part(tmp_path):
    story = _formatted_dateline(tmp_path / "story.docx")
    before = _parts(story)
    done = run("--isolated", "--fix", str(story), cwd=tmp_path)
    assert done.returncode == 1, done.stderr  # findings without a safe fix remain
    assert done.stderr.decode().splitlines() == [
        "newslint: fixed 1 finding in 1 file",
        "newslint: 4 findings (1 error, 1 warning, 2 suggestions) in 1 story",  # none left that --fix would fix
    ]
    assert "dateline.dash" not in done.stdout.decode()
    after = _parts(story)
    assert list(after) == list(before)  # the same parts in the same order
    assert {n for n in after if after[n] != before[n]} == {"word/document.xml"}
    dateline = next(p for p in docx.Document(str(story)).paragraphs if p.text.startswith("JERUSALEM"))
    assert [(r.text[:30], r.bold) for r in dateline.runs] == [
        ("JERUSALEM", True),
        (", March 22 (Xinhua) — U.S. Sec", None),
    ]
    assert [f for f in tmp_path.iterdir() if f.name != "story.docx"] == []  # no temporary file left


def test_unsafe_fixes_too_when_asked(tmp_path):
    story = _word(tmp_path / "story.docx", _example_paragraphs())
    done = run("--isolated", "--fix", "--unsafe-fixes", str(story), cwd=tmp_path)
    assert done.stderr.decode().splitlines() == [
        "newslint: fixed 2 findings in 1 file",
        "newslint: 3 findings (1 warning, 2 suggestions) in 1 story",
    ]
    texts = [p.text for p in docx.Document(str(story)).paragraphs]
    assert sum("Blinked" in t for t in texts) == 0 and sum("Blinken" in t for t in texts) == 7


def test_diff_shows_the_paragraphs_that_would_change_and_changes_nothing(tmp_path):
    story = _word(tmp_path / "story.docx", _example_paragraphs())
    before = story.read_bytes()
    done = run("--isolated", "--diff", str(story), cwd=tmp_path)
    assert done.returncode == 1
    diff = done.stdout.decode().splitlines()
    assert diff[:2] == [f"--- a/{story}", f"+++ b/{story}"]
    [removed, added] = [line for line in diff if line.startswith(("-J", "+J"))]
    assert removed.startswith("-JERUSALEM, March 22 (Xinhua) -- U.S. Secretary")
    assert added == "+" + removed[1:].replace(" -- ", " — ", 1)
    assert story.read_bytes() == before


def test_a_fix_across_runs_is_left_as_a_finding_and_the_file_as_it_was(tmp_path):
    document = docx.Document()
    for text in _example_paragraphs():
        if text.startswith("JERUSALEM"):
            paragraph = document.add_paragraph()
            head, _, tail = text.partition(" -- ")
            paragraph.add_run(head + " -")
            paragraph.add_run("- " + tail).italic = True  # the dash half in one run, half in the next
        else:
            document.add_paragraph(text)
    story = tmp_path / "story.docx"
    document.save(str(story))
    before = story.read_bytes()
    done = run("--isolated", "--fix", str(story), cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.decode().splitlines() == [
        "newslint: fixed 0 findings in 0 files",
        "newslint: 5 findings (1 error, 2 warnings, 2 suggestions) in 1 story",  # the dash not counted as fixable
    ]
    assert "dateline.dash" in done.stdout.decode()
    assert story.read_bytes() == before


def test_the_summary_counts_as_fixable_only_what_fix_will_fix_in_the_document(tmp_path):
    story = _formatted_dateline(tmp_path / "story.docx")  # the dateline dash inside one run
    done = run("--isolated", str(story), cwd=tmp_path)
    assert done.stderr.decode().splitlines()[-1].endswith("in 1 story; 1 fixable with --fix")
    split = tmp_path / "split.docx"  # the same dash split across two runs: --fix leaves it for a person
    document = docx.Document()
    for text in _example_paragraphs():
        paragraph = document.add_paragraph()
        head, dash, tail = text.partition(" -- ")
        paragraph.add_run(head + (" -" if dash else ""))
        if dash:
            paragraph.add_run("- " + tail).italic = True
    document.save(str(split))
    done = run("--isolated", str(split), cwd=tmp_path)
    assert "dateline.dash" in done.stdout.decode()
    assert "fixable" not in done.stderr.decode()


def _linter():
    from newslint.linter import Linter

    return Linter(isolated=True)


def test_fix_keeps_the_article_right_as_in_a_text_story(tmp_path):
    from newslint.docx_fix import fix_docx
    from newslint.linter import Linter

    story = _word(tmp_path / "story.docx", ["Talks end", "An end result was a tax cut, officials said."])
    # Only style.redundant runs: the fixer itself keeps the article right, not the article rule.
    fixed = fix_docx(Linter(isolated=True, select=("style.redundant",)), str(story))
    assert not fixed.problem and fixed.changed
    assert [p.text for p in docx.Document(str(story)).paragraphs][1] == "A result was a tax cut, officials said."


def test_fix_refuses_to_write_over_a_document_saved_while_it_ran(tmp_path):
    """Word (or a colleague) saves the document while newslint fixes it: that save is kept, the fix refused."""
    from newslint.docx_fix import fix_docx
    from newslint.linter import Linter

    story = _formatted_dateline(tmp_path / "story.docx")
    saved = _word(tmp_path / "saved.docx", ["Someone else's version"]).read_bytes()

    class EditorSavesDuringTheRun(Linter):
        def lint_text(self, text, path, settings=None):
            if story.read_bytes() != saved:
                story.write_bytes(saved)
            return super().lint_text(text, path, settings)

    fixed = fix_docx(EditorSavesDuringTheRun(isolated=True), str(story))
    assert "changed on disk" in fixed.problem, fixed
    assert story.read_bytes() == saved
    assert sorted(f.name for f in tmp_path.iterdir()) == ["saved.docx", "story.docx"]  # no temporary file left


def test_fix_keeps_hard_links_and_the_mode(tmp_path):
    from newslint.docx_fix import fix_docx

    story = _formatted_dateline(tmp_path / "story.docx")
    other = tmp_path / "archive.docx"
    os.link(story, other)
    story.chmod(0o640)
    inode = story.stat().st_ino
    assert not fix_docx(_linter(), str(story)).problem
    assert story.stat().st_ino == inode == other.stat().st_ino and story.stat().st_nlink == 2
    assert (story.stat().st_mode & 0o777) == 0o640
    assert any(" — " in p.text for p in docx.Document(str(other)).paragraphs)  # both names see the fix


def test_fix_keeps_the_mode_when_it_replaces_the_file(tmp_path):
    from newslint.docx_fix import fix_docx

    story = _formatted_dateline(tmp_path / "story.docx")
    story.chmod(0o604)
    assert not fix_docx(_linter(), str(story)).problem
    assert (story.stat().st_mode & 0o777) == 0o604
    assert any(" — " in p.text for p in docx.Document(str(story)).paragraphs)


def test_fix_on_a_docx_that_cannot_be_read_is_one_line_and_exit_2(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))
    done = run("--isolated", "--fix", str(bad), cwd=tmp_path)
    assert done.returncode == 2
    # One error for the file, said by its lint (the fixer's "not fixed" would say the same again).
    errors = [line for line in done.stderr.decode().splitlines() if line.startswith("newslint: error:")]
    assert errors == [
        (
            f"newslint: error: {bad}: password-protected (encrypted) or an old binary Word file; save it unprotected"
            " as .docx; story not checked"
        )
    ]
    assert bad.read_bytes() == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512)


def test_fix_of_a_docx_is_not_refused_for_the_text_stories_named_encoding(tmp_path):
    """`encoding` in a config is for the folder's legacy text stories; a .docx is always UTF-8 XML."""
    (tmp_path / "newslint.toml").write_text('encoding = "cp1252"\n', encoding="utf-8")
    story = _formatted_dateline(tmp_path / "story.docx")
    done = run("--fix", str(story), cwd=tmp_path)
    assert "named encoding" not in done.stderr.decode()
    assert done.stderr.decode().splitlines()[0] == "newslint: fixed 1 finding in 1 file"
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("Head\n\nJERUSALEM, March 22 (AP) -- Caf\u00e9 talks.\n".encode("cp1252"))
    done = run("--fix", str(legacy), cwd=tmp_path)
    assert done.returncode == 2 and "named encoding" in done.stderr.decode()  # the text story still refused


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("fix", [(), ("--fix",), ("--diff",)], ids=["lint", "fix", "diff"])
def test_a_pipe_named_docx_is_refused_not_waited_on(tmp_path, fix):
    import subprocess

    from helpers import console_script

    pipe = tmp_path / "pipe.docx"
    os.mkfifo(pipe)
    done = subprocess.run(
        [console_script(), "--isolated", *fix, str(pipe)], cwd=tmp_path, capture_output=True, timeout=60, check=False
    )
    assert done.returncode == 2
    errors = [line for line in done.stderr.decode().splitlines() if line.startswith("newslint: error:")]
    assert len(errors) == 1 and "not a regular file (a pipe or a device)" in errors[0]


# --- reading the OOXML ------------------------------------------------------------------------------

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="{target}"/></Relationships>'
)


def _document(body: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" xmlns:mc="{MC}"><w:body>{body}</w:body></w:document>'


def _package(tmp_path: Path, body: str, target: str = "word/document.xml") -> bytes:
    parts = {"_rels/.rels": RELS.format(target=target), target: _document(body)}
    return _zip(tmp_path / "made.docx", parts).read_bytes()


def test_tracked_changes_tables_tabs_breaks_and_hyperlinks_read_as_a_reader_sees_them(tmp_path):
    body = (
        '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>'
        "<w:r><w:t>Blinken </w:t></w:r><w:del><w:r><w:delText>Blinked </w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>met</w:t></w:r></w:ins><w:r><w:tab/><w:t>Netan</w:t><w:softHyphen/><w:t>yahu</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>"
        '<w:p><w:hyperlink><w:r><w:t xml:space="preserve">a link </w:t></w:r></w:hyperlink><w:r><w:t>after</w:t></w:r></w:p>'
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>cell one</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:p><w:r><w:t>cell two</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
        "<w:p><w:r><mc:AlternateContent><mc:Choice><w:drawing/></mc:Choice><mc:Fallback><w:pict><w:p><w:r>"
        "<w:t>box</w:t></w:r></w:p></w:pict></mc:Fallback></mc:AlternateContent><w:t>plain</w:t></w:r></w:p>"
        "<w:p/>"
        "<w:sectPr/>"
    )
    assert docx_paragraphs(_package(tmp_path, body)) == [
        "Blinken met\tNetanyahu",
        "line one line two",
        "a link after",
        "cell one",
        "cell two",
        "plain",
        "",
    ]


def test_the_main_part_is_found_through_the_package_relationships(tmp_path):
    data = _package(tmp_path, "<w:p><w:r><w:t>Elsewhere</w:t></w:r></w:p>", target="word/document2.xml")
    assert docx_paragraphs(data) == ["Elsewhere"]


def test_python_docx_line_breaks_stay_inside_their_paragraph(tmp_path):
    data = _word(tmp_path / "s.docx", ["Headline", "first\nsecond", "Body."]).read_bytes()
    assert docx_paragraphs(data) == ["Headline", "first second", "Body."]


@pytest.mark.parametrize(
    ("xml", "reason"),
    [
        ('<!DOCTYPE x [<!ENTITY a "aaaa">]><w:document xmlns:w="' + W + '"><w:body/></w:document>', "entities"),
        ("<w:document", "broken XML"),
        ('<w:document xmlns:w="' + W + '"/>', "no body"),
    ],
)
def test_xml_that_is_not_a_word_body_is_refused(tmp_path, xml, reason):
    data = _zip(tmp_path / "x.docx", {"_rels/.rels": RELS.format(target="word/document.xml"), "word/document.xml": xml})
    with pytest.raises(DocxError, match=reason):
        docx_paragraphs(data.read_bytes())


def test_an_edit_escapes_the_text_and_keeps_the_spaces_at_a_runs_ends():
    from newslint.docx_fix import edited
    from newslint.finding import Finding, Fix, Level
    from newslint.text.docx import body_paragraphs

    xml = _document("<w:p><w:r><w:t>AT&amp;T--</w:t></w:r></w:p>").encode("utf-8")
    [[piece]] = body_paragraphs(xml)
    assert piece.raw == "AT&T--"
    dash = Finding("s.docx", "x.dash", Level.WARNING, "", 1, 5, 1, 7, 4, 6, "--", fix=Fix(" <—> "))
    changed = edited(xml, {piece: [(dash, 4, 6)]})
    assert '<w:t xml:space="preserve">AT&amp;T &lt;—&gt; </w:t>'.encode() in changed  # a space at its end
    [[again]] = body_paragraphs(changed)
    assert again.raw == "AT&T <—> "
    unchanged = changed.replace(b' xml:space="preserve"', b"").replace("AT&amp;T &lt;—&gt; ".encode(), b"AT&amp;T--")
    assert unchanged == xml  # nothing else in the part moved


# --- whatever the bytes, a DocxError or the paragraphs ----------------------------------------------


def _never_worse_than_docx_error(data: bytes) -> None:
    try:
        paragraphs = docx_paragraphs(data)
    except DocxError as error:
        assert str(error) and "\n" not in str(error)
    else:
        assert all("\n" not in p for p in paragraphs)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes(data):
    _never_worse_than_docx_error(data)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300), st.sampled_from(["", "<w:p><w:r><w:t>", "</w:t></w:r></w:p>", "<w:body>"]))
def test_any_document_part_in_a_real_zip(text, markup):
    body = _document(markup + text).encode("utf-8", "surrogatepass")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as package:
        package.writestr("_rels/.rels", RELS.format(target="word/document.xml"))
        package.writestr("word/document.xml", body)
    _never_worse_than_docx_error(out.getvalue())


@settings(max_examples=100, deadline=None)
@given(st.data())
def test_a_real_docx_with_bytes_flipped(data):
    whole = bytearray(_example_docx())
    for _ in range(data.draw(st.integers(1, 8))):
        whole[data.draw(st.integers(0, len(whole) - 1))] = data.draw(st.integers(0, 255))
    _never_worse_than_docx_error(bytes(whole))


def test_a_zip_whose_document_is_password_protected(tmp_path):
    """Zip-level encryption (not what Word does, but what a zip tool can make) is refused the same way."""
    data = bytearray(_example_docx())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as package:
        offset = package.getinfo("word/document.xml").header_offset
    data[offset + 6] |= 1  # the "encrypted" flag of the entry's local header
    central = data.rfind(b"PK\x01\x02word/document.xml"[:4], 0)
    while central != -1:  # and in its central directory record
        name_length = int.from_bytes(data[central + 28 : central + 30], "little")
        if data[central + 46 : central + 46 + name_length] == b"word/document.xml":
            data[central + 8] |= 1
        central = data.rfind(b"PK\x01\x02", 0, central)
    with pytest.raises(DocxError, match="not a Word document"):
        docx_paragraphs(bytes(data))


@functools.cache
def _example_docx() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    for text in _example_lines()[:30]:
        document.add_paragraph(text)
    document.save(out)
    return out.getvalue()
