"""argparse's own words follow the command line's language rule too: usage, the section
titles, -h's help, its error messages, and every sub-command's help texts are Korean when the
CLI speaks Korean (--lang ko, a Korean workshop, or a Korean system), English otherwise."""

from __future__ import annotations

import argparse
import gettext

import pytest

from mot_workshop import cli
from mot_workshop.cli import main
from mot_workshop.i18n import catalog
from mot_workshop.i18n.argparse_text import ARGPARSE_STRINGS
from mot_workshop.sample import build_sample


@pytest.fixture(autouse=True)
def english_system(monkeypatch):
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")


@pytest.fixture(scope="module")
def korean_file(tmp_path_factory):
    return build_sample(tmp_path_factory.mktemp("ko") / "ko.motw", "ko")


def run(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    out, err = capsys.readouterr()
    return exit_.value.code, " ".join(out.split()), " ".join(err.split())


def english_helps(name: str) -> list[str]:
    parser = cli._job_parser(name)[0] if name else cli._gui_parser()
    return [a.help for a in parser._actions if a.help and a.help is not argparse.SUPPRESS] + \
        ([parser.description] if parser.description else [])


@pytest.mark.parametrize("name", ["", *cli.JOBS])
def test_every_help_speaks_korean_with_lang_ko_and_english_without(name, capsys):
    argv = [name] if name else []
    code, out, _ = run([*argv, "--help", "--lang", "ko"], capsys)
    assert code == 0
    assert out.startswith("사용법: mot-workshop") and "옵션: -h, --help 이 도움말을 보여 주고 끝냅니다" in out
    assert "usage:" not in out and "options:" not in out and "show this help" not in out
    untranslated = [h for h in english_helps(name) if " ".join(h.split()) in out]
    assert untranslated == []
    code, out, _ = run([*argv, "--help"], capsys)
    assert code == 0 and out.startswith("usage: mot-workshop") and "options: -h, --help show this help" in out
    assert all(" ".join(h.split())[:30] in out for h in english_helps(name))


def test_argparse_errors_speak_the_language(capsys):
    code, _, err = run(["export-bpmn", "x.motw", "--lang", "ko"], capsys)
    assert code == 2
    assert err.startswith("사용법: mot-workshop export-bpmn")
    assert "mot-workshop export-bpmn: 오류: 다음 인수가 필요합니다: --map, -o/--output" in err
    code, _, err = run(["export-bpmn", "x.motw"], capsys)
    assert "mot-workshop export-bpmn: error: the following arguments are required: --map, -o/--output" in err
    _, _, err = run(["import-bpmn", "a.motw", "b.bpmn", "--kind", "later", "--lang", "ko"], capsys)
    assert "오류: 인수 --kind: 고를 수 없는 값: 'later' (다음 중에서 고르세요: 'as-is', 'to-be', 'redesign')" in err
    _, _, err = run(["render", "a.motw", "--view", "map:x", "-o", "x.png", "--scale", "big", "--lang", "ko"], capsys)
    assert "오류: 인수 --scale: float 값이 올바르지 않습니다: 'big'" in err
    _, _, err = run(["check", "a.motw", "--extra", "--lang", "ko"], capsys)
    assert "오류: 알 수 없는 인수: --extra" in err
    _, _, err = run(["--size", "5x5", "--lang", "ko"], capsys)
    assert "mot-workshop: 오류: 인수 --size: 크기 '5x5'이(가) 올바르지 않습니다" in err
    _, _, err = run(["--size", "5x5"], capsys)
    assert "mot-workshop: error: argument --size: invalid size '5x5'; use WIDTHxHEIGHT" in err
    # argparse is itself again afterwards (other code in the process keeps gettext)
    assert argparse._ is gettext.gettext and argparse.ngettext is gettext.ngettext


def test_the_workshop_s_language_then_the_system_s(korean_file, capsys, monkeypatch):
    _, _, err = run(["render", str(korean_file), "--scale", "big"], capsys)       # a Korean workshop
    assert "mot-workshop render: 오류: 인수 --scale" in err and err.startswith("사용법:")
    _, _, err = run(["render", str(korean_file), "--scale", "big", "--lang", "en"], capsys)
    assert "mot-workshop render: error: argument --scale" in err
    monkeypatch.setenv("LANG", "ko_KR.UTF-8")                                     # no workshop: the system's
    code, out, _ = run(["merge", "--help"], capsys)
    assert out.startswith("사용법: mot-workshop merge") and "팀의 워크숍 파일(.motw). 읽기만 합니다" in out


def test_every_argparse_string_has_a_korean_translation():
    korean = catalog("ko")
    assert [s for s in ARGPARSE_STRINGS if s not in korean] == []
    for source in ARGPARSE_STRINGS:                 # the same %-placeholders, in any order
        import re

        assert sorted(re.findall(r"%\(\w+\)[sr]|%[sr]", source)) == sorted(
            re.findall(r"%\(\w+\)[sr]|%[sr]", korean[source])), source
