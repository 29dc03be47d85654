"""`manage.py generate_webtoon`: a story in, a lettered strip and every export out, from the shell.

For trying the engine without the web app (no user, no database rows): it runs the same providers
the settings select (LLM_PROVIDER, IMAGE_PROVIDER; `local` offline by default) and writes

    DIR/strip.png  DIR/panel-01.png ...  DIR/script.json
    DIR/webtoon.zip (PNG segments)  DIR/webtoon.pdf  DIR/webtoon.cbz  DIR/webtoon.html

Example:
    python manage.py generate_webtoon --panels 6 --style webtoon --out out/alex \\
        --prompt "Alex discovers his lightning powers during a storm and must save his village" \\
        --character "Alex:protagonist:a brave teenager with spiky black hair and a blue jacket"
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from characters.models import CharacterRole
from sketchdojo.engine.exports import ExportMeta
from sketchdojo.engine.providers import (
    CharacterBrief,
    PlanRequest,
    ProviderError,
    get_image_provider,
    get_llm_provider,
)
from sketchdojo.engine.run import generate_webtoon_locally, iter_webtoon_exports
from sketchdojo.engine.script import MAX_PANELS, ArtStyle

EXPORT_NAMES = {"png": "webtoon.zip", "pdf": "webtoon.pdf", "cbz": "webtoon.cbz", "html": "webtoon.html"}
# Progress-bar weight of each pipeline step: one tick per panel drawn and per panel lettered.
_FIXED_STEPS = ("plan", "compose")


def parse_character(value: str) -> CharacterBrief:
    """`Name:role:description` (description optional, may contain colons) as a planner brief."""
    parts = [part.strip() for part in value.split(":", 2)]
    if len(parts) < 2 or not parts[0] or not parts[1]:
        raise CommandError(f'--character {value!r} must look like "Name:role:description".')
    name, role = parts[0], parts[1].lower()
    if len(name) > 100:
        raise CommandError(f"--character name {name[:20]!r}... is longer than 100 characters.")
    if role not in CharacterRole.values:
        raise CommandError(f"--character {name!r} has role {role!r}; choose one of {', '.join(CharacterRole.values)}.")
    return CharacterBrief(name=name, role=role, description=parts[2] if len(parts) == 3 else "")


class Command(BaseCommand):
    help = "Generate a webtoon from a story prompt and write the strip, the panels and every export to a folder."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--prompt", required=True, help="The story, in a sentence or a few paragraphs.")
        parser.add_argument("--panels", type=int, default=6, help=f"Number of panels, 1-{MAX_PANELS} (default 6).")
        parser.add_argument("--style", default=ArtStyle.WEBTOON.value, help="Art style: " + ", ".join(ArtStyle))
        parser.add_argument(
            "--character",
            action="append",
            default=[],
            metavar="NAME:ROLE:DESCRIPTION",
            help="A character (repeatable), e.g. 'Alex:protagonist:spiky black hair, blue jacket'.",
        )
        parser.add_argument("--seed", type=int, default=0, help="Same seed, same webtoon (default 0).")
        parser.add_argument("--title", default="", help="Title for the exports (default: the planned title).")
        parser.add_argument("--author", default="", help="Author named in the PDF, CBZ and HTML exports.")
        parser.add_argument("--out", required=True, help="Folder to write into (created if missing).")

    def handle(self, *args, **options) -> None:
        request = self._plan_request(options)
        try:
            llm, image = get_llm_provider(), get_image_provider()
        except (ValueError, ProviderError) as exc:
            raise CommandError(f"Provider set-up failed: {exc}") from exc
        out = Path(options["out"])
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Cannot create the output folder {out}: {exc.strerror}.") from exc

        total = 2 * request.panel_count + len(_FIXED_STEPS) + len(EXPORT_NAMES)
        stream = getattr(self.stderr, "_out", self.stderr)
        with tqdm(total=total, desc="plan", unit="step", file=stream, disable=options["verbosity"] == 0) as bar:
            seen: dict[str, int] = {}

            def progress(step: str, done: int, _total: int) -> None:
                bar.set_description(step)
                bar.update(done - seen.get(step, 0))
                seen[step] = done

            try:
                webtoon = generate_webtoon_locally(
                    request=request,
                    llm=llm,
                    image=image,
                    concurrency=getattr(settings, "IMAGE_CONCURRENCY", 4),
                    progress=progress,
                )
            except ProviderError as exc:
                raise CommandError(f"Generation failed: {exc}") from exc
            meta = ExportMeta(
                title=options["title"] or webtoon.script.title,
                author=options["author"],
                summary=webtoon.script.synopsis,
                style=request.art_style,
                language=webtoon.script.language,
            )
            # One image or file at a time, each written before the next is made: the whole strip
            # (~60 MB for 20 panels) and the exports never sit in memory together.
            for panel, lettered in zip(webtoon.script.panels, webtoon.lettered_panels, strict=True):
                lettered.save(out / f"panel-{panel.sequence:02d}.png")
            with webtoon.compose_strip() as strip:
                strip.save(out / "strip.png")
            for fmt, exported in iter_webtoon_exports(webtoon, meta, progress=progress):
                (out / EXPORT_NAMES[fmt]).write_bytes(exported.data)
                del exported

        script = webtoon.script.model_dump(mode="json")
        script["lettering"] = [[bubble.to_dict() for bubble in bubbles] for bubbles in webtoon.bubbles]
        (out / "script.json").write_text(json.dumps(script, indent=2, ensure_ascii=False), encoding="utf-8")

        self.stdout.write(
            self.style.SUCCESS(
                f"“{webtoon.script.title}”: {len(webtoon.lettered_panels)} panels, strip "
                f"{webtoon.layout.width}x{webtoon.layout.height} px, written to {out}"
            )
        )

    def _plan_request(self, options: dict) -> PlanRequest:
        prompt = (options["prompt"] or "").strip()
        if not prompt:
            raise CommandError("--prompt must not be empty.")
        if len(prompt) > 5000:
            raise CommandError("--prompt is longer than 5000 characters.")
        panels = options["panels"]
        if not 1 <= panels <= MAX_PANELS:
            raise CommandError(f"--panels must be between 1 and {MAX_PANELS}, not {panels}.")
        style = options["style"].strip().lower()
        if style not in {s.value for s in ArtStyle}:
            raise CommandError(f"Unknown --style {options['style']!r}; choose one of {', '.join(ArtStyle)}.")
        characters = tuple(parse_character(value) for value in options["character"])
        names = [c.name.casefold() for c in characters]
        if len(set(names)) != len(names):
            raise CommandError("Two --character options have the same name.")
        if not 0 <= options["seed"] < 2**32:
            raise CommandError("--seed must be between 0 and 4294967295.")
        return PlanRequest(
            prompt=prompt,
            panel_count=panels,
            art_style=style,
            characters=characters,
            seed=options["seed"],
        )
