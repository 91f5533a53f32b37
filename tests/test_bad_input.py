"""`kg build` on whatever users scrape: each input builds a sensible graph or fails in one line.

Every case runs the real CLI. A failure must be exit status 2 with one line
``kg: error: …`` on stderr, no traceback and no output file (not even a
``.part`` left behind); a success must give a graph that re-parses.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from click.testing import CliRunner, Result

from kg.cli import main
from kg.ingest import MAX_BYTES, MAX_CHARS, report_from_bytes
from kg.ingest.decode import decode
from kg.segment import segment
from kg.segment.glossary import MAX_GLOSSARY_ENTRIES
from kg.validate import validate_file
from tests.conftest import CORPUS, PINGFANG

GOV = "https://w3id.org/govkg/ontology#"
RDF_TYPE = pyoxigraph.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SENTENCE = pyoxigraph.NamedNode(GOV + "Sentence")
WARNING = pyoxigraph.NamedNode(GOV + "buildWarning")

# Not a report: a short piece of fiction written for this test (no headings, no figures, no glossary).
NOVEL = """雨下了整整一夜。老陈坐在窗前，看着巷子里的积水一点点漫过石阶。
他想起很多年前的那个夏天，父亲带他去河边钓鱼，鱼没有钓到，却捡回来一只受伤的白鹭。
“它会飞走的。”父亲说。可是白鹭在院子里住了三个月，直到秋天才离开。
后来老陈也离开了那个小镇，去了很远的城市。城市里没有白鹭，只有灯。
天快亮的时候，雨停了。他听见楼下有人在扫地，扫帚划过地面，沙沙，沙沙。
"""


def build(*args: str | Path) -> Result:
    return CliRunner().invoke(main, ["build", *map(str, args)])


def assert_clean_failure(result: Result, out: Path, *words: str) -> None:
    """Exit 2, one line naming the problem, no traceback, no output or temporary file."""
    assert result.exit_code == 2, result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("kg: error: "), result.output
    for word in words:
        assert word in lines[0], lines[0]
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(out.parent.glob(f".{out.name}.*")), "temporary file left behind"


def quads(path: Path) -> list[pyoxigraph.Quad]:
    return list(pyoxigraph.parse(path=str(path)))


def count_sentences(path: Path) -> int:
    return sum(1 for q in quads(path) if q.predicate == RDF_TYPE and q.object == SENTENCE)


def build_warnings(path: Path) -> list[str]:
    return [q.object.value for q in quads(path) if q.predicate == WARNING]


def report_graphs(found: list[pyoxigraph.Quad]) -> set[str]:
    """Named graphs that hold a report (others, such as a shared gazetteer graph, are left out)."""
    return {q.graph_name.value for q in found if q.object == pyoxigraph.NamedNode(GOV + "Report")}


def report_text() -> str:
    return PINGFANG.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def reference_sentences(tmp_path_factory: pytest.TempPathFactory) -> int:
    out = tmp_path_factory.mktemp("reference") / "ref.nq"
    assert build(PINGFANG, "-o", out).exit_code == 0
    return count_sentences(out)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", ["empty"]),
        ("blank.txt", b" \n\t\r\n   \n", ["empty"]),
        ("bom-only.txt", b"\xef\xbb\xbf", ["white space"]),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, ["binary"]),
        ("elf.txt", b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + bytes(range(256)) * 20, ["binary"]),
        ("controls.txt", b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 50, ["binary"]),
        ("random.txt", bytes((i * 7919 + 13) % 256 for i in range(8192)).replace(b"\x00", b"\x01"), ["decode"]),
    ],
)
def test_unusable_files_fail_in_one_line(tmp_path: Path, name: str, content: bytes, words: list[str]) -> None:
    source, out = tmp_path / name, tmp_path / "out" / "g.ttl"
    source.write_bytes(content)
    assert_clean_failure(build(source, "-o", out), out, str(source), *words)


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["missing.txt"], ["no such file"]),
        ([PINGFANG, "-o", "{tmp}/g.xyz"], ["unknown output format"]),
        ([PINGFANG, "-o", "{tmp}/not-a-folder/g.ttl"], ["cannot write"]),
    ],
)
def test_bad_paths_fail_in_one_line(tmp_path: Path, args: list[str | Path], words: list[str]) -> None:
    (tmp_path / "not-a-folder").write_text("a file where a folder is expected", encoding="utf-8")
    argv = [str(a).replace("{tmp}", str(tmp_path)) for a in args]
    if "-o" not in argv:
        argv += ["-o", str(tmp_path / "g.ttl")]
    out = Path(argv[argv.index("-o") + 1])
    assert_clean_failure(build(*argv), out, *words)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16-le"])  # all of them: test_ingest.py
def test_other_encodings_build_the_same_sentences(tmp_path: Path, encoding: str, reference_sentences: int) -> None:
    source, out = tmp_path / "report.txt", tmp_path / "g.nq"
    # GBK lacks a few characters of the report (no-break spaces): as spaces they normalise the same way.
    text = "".join(ch if ch.encode(encoding, errors="ignore") else " " for ch in report_text())
    source.write_bytes(text.encode(encoding))
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert count_sentences(out) == reference_sentences


def test_mixed_encodings_fail_in_one_line(tmp_path: Path) -> None:
    text = report_text()
    half = len(text) // 2
    source, out = tmp_path / "mixed.txt", tmp_path / "g.ttl"
    source.write_bytes(text[:half].encode("utf-8") + text[half:].encode("gbk", errors="replace"))
    assert_clean_failure(build(source, "-o", out), out, "mixed encodings")


@pytest.mark.parametrize("cut", [1, 2])
def test_utf8_cut_inside_the_last_character_builds_with_a_warning(tmp_path: Path, cut: int) -> None:
    data = report_text().rstrip().encode("utf-8") + "。".encode()[:-cut]
    source, out = tmp_path / "cut.txt", tmp_path / "g.nq"
    source.write_bytes(data)
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "cut off" in result.output
    assert any(f"last {3 - cut} byte(s) dropped" in w for w in build_warnings(out))


def test_a_few_corrupted_bytes_are_replaced_and_reported(tmp_path: Path, reference_sentences: int) -> None:
    data = bytearray(report_text().encode("utf-8"))
    for at in (5000, 20000):
        data[at] = 0xFF
    source, out = tmp_path / "flipped.txt", tmp_path / "g.nq"
    source.write_bytes(bytes(data))
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert any("replaced by U+FFFD" in w for w in build_warnings(out))
    assert abs(count_sentences(out) - reference_sentences) <= 2


def test_a_stray_nul_byte_does_not_make_a_report_binary(tmp_path: Path, reference_sentences: int) -> None:
    data = report_text().encode("utf-8")
    source, out = tmp_path / "nul.txt", tmp_path / "g.nq"
    source.write_bytes(data[:1000] + b"\x00" + data[1000:])
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert count_sentences(out) == reference_sentences


def test_text_that_is_not_a_report_builds_plain_sentences_and_says_so(tmp_path: Path) -> None:
    source, out = tmp_path / "novel.txt", tmp_path / "g.nq"
    source.write_text(NOVEL, encoding="utf-8")
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "not a well-formed report" in result.output
    found = quads(out)
    assert count_sentences(out) == NOVEL.count("。")  # every sentence of it ends with one
    observations = [q for q in found if q.object == pyoxigraph.NamedNode(GOV + "Observation")]
    assert observations == []


def test_report_without_headings_builds_with_a_warning(tmp_path: Path, reference_sentences: int) -> None:
    """Some scrapers lose every line break: headings are then no longer at the start of a line."""
    text = "".join(report_text().split())
    source, out = tmp_path / "flat.txt", tmp_path / "g.nq"
    source.write_text(text, encoding="utf-8")
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    assert "no part or section headings" in result.output
    assert count_sentences(out) > reference_sentences // 2


def test_html_scripts_and_styles_stay_out_of_the_graph(tmp_path: Path) -> None:
    body = "".join(f"<p>{line}</p>\n" for line in report_text().splitlines()[:60])
    page = (
        "<!DOCTYPE html><html><head><title>2020年平房区政府工作报告_平房区人民政府</title>"
        "<style>body { color: red } p::after { content: '样式' }</style>"
        "<script>var secret = '脚本内容'; document.write('<p>注入</p>');</script></head>"
        f"<body><noscript>请启用脚本</noscript>{body}<script src='x.js'></script></body></html>"
    )
    source, out = tmp_path / "page.html", tmp_path / "g.ttl"
    source.write_text(page, encoding="utf-8")
    result = build(source, "-o", out)
    assert result.exit_code == 0, result.output
    graph = out.read_text(encoding="utf-8")
    for leaked in ("脚本内容", "注入", "样式", "color", "请启用脚本", "document.write"):
        assert leaked not in graph
    assert "text/html" in graph
    assert count_sentences(out) > 30


def test_the_same_report_under_two_names_gives_two_graphs_sharing_entities(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "pingfang.txt", tmp_path / "b" / "pingfang-copy.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_bytes(PINGFANG.read_bytes())
    out = tmp_path / "g.nq"
    result = build(first, second, "-o", out)
    assert result.exit_code == 0, result.output
    found = quads(out)
    graphs = report_graphs(found)
    assert graphs == {"https://w3id.org/govkg/graph/pingfang", "https://w3id.org/govkg/graph/pingfang-copy"}
    reports = {q.subject.value for q in found if q.object == pyoxigraph.NamedNode(GOV + "Report")}
    assert reports == {"https://w3id.org/govkg/report/pingfang", "https://w3id.org/govkg/report/pingfang-copy"}
    shared = "https://w3id.org/govkg/id/"
    by_graph = {g: {q.subject.value for q in found if q.graph_name.value == g and q.subject.value.startswith(shared)}
                for g in graphs}  # fmt: skip
    first_ids, second_ids = by_graph.values()
    assert first_ids and first_ids == second_ids


def test_the_same_file_name_in_two_folders_gets_two_report_ids(tmp_path: Path) -> None:
    paths = [tmp_path / folder / "report.txt" for folder in ("x", "y")]
    for path in paths:
        path.parent.mkdir()
        path.write_bytes(PINGFANG.read_bytes())
    out = tmp_path / "g.nq"
    assert build(*paths, "-o", out).exit_code == 0
    assert len(report_graphs(quads(out))) == 2


def test_folder_of_mixed_files_builds_the_good_ones_and_names_the_bad(tmp_path: Path) -> None:
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "good.txt").write_bytes(PINGFANG.read_bytes())
    (folder / "page.html").write_text(f"<html><body><p>{NOVEL}</p></body></html>", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not a report suffix")
    out = tmp_path / "g.nq"
    result = build(folder, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning: skipped")]
    assert len(warnings) == 2
    assert "empty.txt: file is empty" in warnings[0]
    assert "image.txt: " in warnings[1] and "binary" in warnings[1]
    assert {graph.rsplit("/", 1)[-1] for graph in report_graphs(quads(out))} == {"good", "page"}


def test_folder_of_only_bad_files_fails_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "scraped"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    out = tmp_path / "g.nq"
    assert_clean_failure(build(folder, "-o", out, "--no-cache"), out, "nothing was built")


@pytest.mark.parametrize(("megabytes", "word"), [(100, "MiB"), (4, "characters")])
def test_huge_files_fail_fast_with_the_limit_named(tmp_path: Path, megabytes: int, word: str) -> None:
    """100 MB of report text is ~35 M characters, 600x the longest real report (57,591).

    Built, it took 3 min and 9 GB (benchmarks/big_input.py). A file too large
    to hold MAX_CHARS is refused before it is read; a smaller one with too many
    characters after decoding.
    """
    data = PINGFANG.read_bytes()
    source, out = tmp_path / "huge.txt", tmp_path / "g.ttl"
    with source.open("wb") as handle:
        for _ in range(megabytes * 2**20 // len(data)):
            handle.write(data)
    assert source.stat().st_size < MAX_BYTES
    assert_clean_failure(build(source, "-o", out), out, f"{MAX_CHARS:,} characters", word)


def test_cli_failure_in_a_real_process_prints_no_traceback(tmp_path: Path) -> None:
    source = tmp_path / "empty.txt"
    source.write_bytes(b"")
    run = subprocess.run(
        [sys.executable, "-m", "kg", "build", str(source), "-o", str(tmp_path / "g.ttl")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 2
    assert run.stderr.strip() == f"kg: error: {source}: file is empty"
    assert run.stdout == ""


def test_a_file_name_that_is_not_utf8_builds(tmp_path: Path) -> None:
    """Linux file names are bytes: one with an invalid byte and a control character still gets an IRI and a label."""
    folder = tmp_path / "scraped"
    folder.mkdir()
    source = folder / os.fsdecode(b"report-\xff\x01.txt")
    source.write_bytes(PINGFANG.read_bytes())
    out = tmp_path / "g.nq"
    for target in (source, folder):
        result = build(target, "-o", out, "--no-cache")
        assert result.exit_code == 0, result.output
        assert report_graphs(quads(out)) == {"https://w3id.org/govkg/graph/report-_ff_01"}
    names = [q.object.value for q in quads(out) if q.predicate == pyoxigraph.NamedNode(GOV + "sourceFile")]
    assert names == ["report-\ufffd .txt"]


def test_a_glossary_of_thousands_of_lines_is_cut_with_a_warning(tmp_path: Path) -> None:
    """Real glossaries have at most 39 entries; extractors compare each entry with every sentence."""
    text = report_text() + "\n名词解释\n" + "".join(f"{n}.术语{n}：第{n}条释义。\n" for n in range(1, 3001))
    doc = segment(report_from_bytes(text.encode("utf-8"), tmp_path / "long-glossary.txt"))
    assert len(doc.glossary) == MAX_GLOSSARY_ENTRIES
    assert [entry.term for entry in doc.glossary[-2:]] == ["术语199", "术语200"]
    assert any("glossary cut after" in warning for warning in doc.warnings)
    assert doc.sentences[-1].text == "3000.术语3000：第3000条释义。"  # the rest is still text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_windows_and_old_mac_line_breaks_give_the_same_sentences(tmp_path: Path, newline: str) -> None:
    text = report_text()
    expected = segment(report_from_bytes(text.encode("utf-8"), tmp_path / "unix.txt"))
    doc = segment(report_from_bytes(text.replace("\n", newline).encode("utf-8"), tmp_path / "other.txt"))
    assert [s.text for s in doc.sentences] == [s.text for s in expected.sentences]
    assert [s.title for s in doc.sections] == [s.title for s in expected.sections]


@pytest.mark.parametrize(
    ("name", "page", "expected"),
    [
        ("xhtml.txt", '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><p>各位代表：</p>'
         "<p>一、回顾</p></body></html>", "各位代表：\n一、回顾"),
        ("saved.htm", "<!-- saved from url=(0014)about:internet -->\n<!DOCTYPE html><html><body><p>正文。</p>",
         "正文。"),
        ("nul.html", "<html><body><p>正\x00文。</p></body></html>", "正 文。"),
        ("refs.html", "<html><body><p>&#21508;&#20301;&#20195;&#34920;&#65306;</p><p>&lt;b&gt;粗&lt;/b&gt;</p>",
         "各位代表：\n<b>粗</b>"),
        ("unclosed.html", "<html><body><p>各位代表：</p><script>var a = '<p>一、回顾</p>';", "各位代表："),
        ("broken.html", "<html><body><p 各位代表</p><div>一、回顾<p>增长。", "一、回顾\n增长。"),
    ],
)  # fmt: skip
def test_odd_html_pages_give_their_visible_text(tmp_path: Path, name: str, page: str, expected: str) -> None:
    doc = report_from_bytes(page.encode("utf-8"), tmp_path / name)
    assert doc.meta.media_type == "text/html"
    assert doc.text == expected


def test_devices_and_pipes_are_refused_before_reading(tmp_path: Path) -> None:
    """Reading /dev/zero never ends and a pipe with no writer never starts: neither may hang the build."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    for source in (Path("/dev/zero"), fifo):
        out = tmp_path / "g.ttl"
        assert_clean_failure(build(source, "-o", out), out, str(source), "not a regular file")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "good.txt").write_bytes(PINGFANG.read_bytes())
    out = tmp_path / "folder.nq"
    result = build(folder, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.output
    assert {graph.rsplit("/", 1)[-1] for graph in report_graphs(quads(out))} == {"good"}


def test_a_failed_build_leaves_the_previous_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    assert build(PINGFANG, "-o", out).exit_code == 0
    before = out.read_bytes()
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = build(empty, "-o", out)
    assert result.exit_code == 2
    assert out.read_bytes() == before
    assert not list(tmp_path.glob(".g.ttl.*"))


def test_a_file_name_with_a_line_break_and_an_escape_still_fails_in_one_line(tmp_path: Path) -> None:
    source, out = tmp_path / "bad\nname\x1b[2J.txt", tmp_path / "g.ttl"
    source.write_bytes(b"")
    result = build(source, "-o", out)
    assert_clean_failure(result, out, "bad\\nname\\x1b[2J.txt: file is empty")


def test_a_file_named_twice_is_built_once(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "pingfang.txt").write_bytes(PINGFANG.read_bytes())
    out = tmp_path / "g.nq"
    result = build(folder, folder / "pingfang.txt", tmp_path / "reports" / ".." / "reports" / "pingfang.txt", "-o", out)
    assert result.exit_code == 0, result.output
    assert report_graphs(quads(out)) == {"https://w3id.org/govkg/graph/pingfang"}


@pytest.mark.parametrize("encoding", ["gb18030", "utf-16-le", "utf-16-be", "utf-16", "utf-8-sig"])
def test_every_corpus_report_reads_back_exactly_in_every_encoding(encoding: str) -> None:
    """Guesses about encodings (GB18030 mojibake, UTF-16 byte order) must never misread a real report."""
    reports = sorted(CORPUS.rglob("*.txt"))
    if not reports:
        pytest.skip("corpus not present")
    misread = []
    for path in reports:
        text = path.read_text(encoding="utf-8")
        decoded, found = decode(text.encode(encoding), str(path))
        if decoded != text or found != encoding.removesuffix("-sig"):
            misread.append(f"{path.name}: {found}")
    assert misread == []


@pytest.mark.parametrize("encoding", ["big5", "shift_jis"])
def test_an_unsupported_encoding_fails_in_one_line_rather_than_as_mojibake(tmp_path: Path, encoding: str) -> None:
    source, out = tmp_path / f"{encoding}.txt", tmp_path / "g.ttl"
    source.write_bytes(report_text().encode(encoding, errors="replace"))
    assert_clean_failure(build(source, "-o", out), out, "decode in none of UTF-8, UTF-16, GB18030/GBK")


def test_graphs_built_from_odd_inputs_conform_to_the_shapes(tmp_path: Path) -> None:
    """What is built from a novel, a flattened report, a damaged file or a hostile page is still a valid graph."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "novel.txt").write_text(NOVEL, encoding="utf-8")
    (folder / "flat.txt").write_text("".join(report_text().split()), encoding="utf-8")
    damaged = bytearray(report_text().encode("utf-8") + "。".encode()[:2])
    damaged[3000] = 0xFF
    (folder / "damaged.txt").write_bytes(bytes(damaged))
    page = f"<title>2020年&lt;script&gt;x&lt;/script&gt;区政府工作报告</title><p>{NOVEL}</p><p>名词解释</p><p>1.&lt;b&gt;：定义。</p>"
    (folder / "page.html").write_text(page, encoding="utf-8")
    out = tmp_path / "odd.nq"
    result = build(folder, "-o", out, "--no-cache")
    assert result.exit_code == 0, result.output
    assert len(report_graphs(quads(out))) == 4
    report = validate_file(out)
    assert report.conforms, "\n".join(report.lines(3))
