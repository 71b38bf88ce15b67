import pathlib
import pickle

import pytest

import samverkan
from conftest import MODELS, ROOT

INVALID = sorted((ROOT / "tests" / "invalid").glob("*.json"))


def test_load_path_str_pathlike_text_and_bytes_agree(model_path):
    from_str = samverkan.load(str(model_path))
    from_pathlike = samverkan.load(model_path)
    text = model_path.read_text(encoding="utf-8")
    from_text = samverkan.load(text)
    from_bytes = samverkan.load(text.encode("utf-8"))
    canonical = from_str.to_json()
    assert from_pathlike.to_json() == canonical
    assert from_text.to_json() == canonical
    assert from_bytes.to_json() == canonical
    assert from_str.counts["actors"] == len(from_str.ids("actor")) > 0


def test_load_error_is_a_value_error_with_its_location(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{\n  "format": "samverkan/1",\n  "actors": [{"id": "ks"}],\n'
                    '  "duties": [{"id": "d", "raci": {"R": ["polis"]}}]\n}\n', encoding="utf-8")
    with pytest.raises(ValueError) as caught:
        samverkan.load(path)
    e = caught.value
    assert isinstance(e, samverkan.LoadError) and isinstance(e, samverkan.Error)
    assert e.file == str(path)
    assert e.line == 4
    assert e.column == 41
    assert e.json_path == "/duties/0/raci/R/0"
    assert e.reason.startswith('unknown actor "polis"')
    assert str(e) == f"{path}:4:41: /duties/0/raci/R/0: {e.reason}"


def test_load_error_of_text_names_the_source():
    with pytest.raises(samverkan.LoadError) as caught:
        samverkan.load('{"format": "samverkan/1", "actors": [{"id": "a", "nme": "x"}]}', name="inline")
    e = caught.value
    assert (e.file, e.line, e.column, e.json_path) == ("inline", 1, 50, "/actors/0/nme")
    assert 'did you mean "name"' in e.reason


def test_missing_file_has_no_position(tmp_path):
    with pytest.raises(samverkan.LoadError) as caught:
        samverkan.load(tmp_path / "nowhere.json")
    assert caught.value.line is None and caught.value.column is None
    assert caught.value.json_path == ""
    assert "cannot read" in caught.value.reason


def test_not_json_and_wrong_types():
    for text in ["{", '{"format": "samverkan/1",}', '{"format": 1}', '{"format": "samverkan/9"}']:
        with pytest.raises(samverkan.LoadError):
            samverkan.load(text)
    with pytest.raises(TypeError):
        samverkan.load(42)


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_files_give_the_tool_messages(path, run_tool):
    with pytest.raises(samverkan.LoadError) as caught:
        samverkan.load(path)
    message = str(caught.value)
    assert message.startswith(str(path) + ":")
    # each line of the .expect sidecar occurs in the message (as tests/invalid/check_invalid.cmake checks)
    for fragment in path.with_suffix(".expect").read_text(encoding="utf-8").splitlines():
        assert fragment in message
    # and the tool says the same
    result = run_tool("audit", path)
    assert result.returncode == 2 and result.stdout == ""
    assert message in result.stderr


def test_load_error_pickles():
    with pytest.raises(samverkan.LoadError) as caught:
        samverkan.load('{"format": "samverkan/1", "actors": [{"id": "a"}, {"id": "a"}]}')
    again = pickle.loads(pickle.dumps(caught.value))
    assert (again.file, again.line, again.column, again.json_path, again.reason, str(again)) == (
        caught.value.file, caught.value.line, caught.value.column, caught.value.json_path, caught.value.reason,
        str(caught.value))


def test_model_pickles(model_path):
    m = samverkan.load(model_path)
    assert pickle.loads(pickle.dumps(m)).to_json() == m.to_json()
