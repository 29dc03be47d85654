"""`manage.py generate_webtoon`: bad input is a clear CommandError; a tiny story writes every file."""

import io
import json
import zipfile

import pytest
from django.core.management import CommandError, call_command
from PIL import Image

from sketchdojo.engine.compose import compose_strip


def run(*args: str, tmp_path=None) -> str:
    out = io.StringIO()
    call_command("generate_webtoon", *args, "--out", str(tmp_path), stdout=out, stderr=io.StringIO())
    return out.getvalue()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--panels", "0"], "--panels must be between 1 and 20, not 0."),
        (["--panels", "21"], "--panels must be between 1 and 20, not 21."),
        (["--style", "watercolour"], "Unknown --style 'watercolour'"),
        (["--character", "Alex"], "--character 'Alex' must look like \"Name:role:description\"."),
        (["--character", ":protagonist:brave"], "must look like"),
        (["--character", "Alex:hero:brave"], "--character 'Alex' has role 'hero'"),
        (["--character", "Alex:protagonist", "--character", "alex:supporting"], "same name"),
        (["--prompt", "   "], "--prompt must not be empty."),
        (["--seed", "-1"], "--seed must be between 0 and 4294967295."),
    ],
)
def test_bad_input_is_a_clear_command_error_and_writes_nothing(tmp_path, args, message):
    target = tmp_path / "out"
    base = ["--prompt", "Alex saves the village"] if "--prompt" not in args else []

    with pytest.raises(CommandError) as error:
        run(*base, *args, tmp_path=target)

    assert message in str(error.value)
    assert not target.exists()


def test_an_unknown_provider_in_the_settings_is_a_clear_command_error(tmp_path, settings):
    settings.LLM_PROVIDER = "crystal-ball"

    with pytest.raises(CommandError, match="Unknown LLM provider 'crystal-ball'"):
        run("--prompt", "Alex saves the village", tmp_path=tmp_path / "out")

    assert not (tmp_path / "out").exists()


def test_a_tiny_story_writes_the_strip_panels_script_and_every_export(tmp_path):
    output = run(
        "--prompt",
        "Alex discovers his lightning powers during a storm and must save his village from shadow monsters",
        "--panels",
        "3",
        "--style",
        "manga",
        "--character",
        "Alex:protagonist:a teenager with spiky black hair and a blue jacket",
        "--seed",
        "7",
        tmp_path=tmp_path,
    )

    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "panel-01.png",
        "panel-02.png",
        "panel-03.png",
        "script.json",
        "strip.png",
        "webtoon.cbz",
        "webtoon.html",
        "webtoon.pdf",
        "webtoon.zip",
    ]
    script = json.loads((tmp_path / "script.json").read_text())
    assert [p["sequence"] for p in script["panels"]] == [1, 2, 3]
    assert script["style"] == "manga"
    assert "Alex" in [c["name"] for c in script["characters"]]
    assert len(script["lettering"]) == 3
    lettered = [Image.open(tmp_path / f"panel-{n:02d}.png") for n in (1, 2, 3)]
    composed = compose_strip(lettered, [p["scene"] for p in script["panels"]])
    with Image.open(tmp_path / "strip.png") as strip:
        assert strip.width == 800
        assert strip.convert("RGB").tobytes() == composed.tobytes()
    assert f"strip 800x{composed.height} px" in output
    with zipfile.ZipFile(tmp_path / "webtoon.cbz") as cbz:
        assert sum(name.endswith(".jpg") for name in cbz.namelist()) == 3
    assert "3 panels" in output
