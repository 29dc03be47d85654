"""Request body parsers for the API.

DRF's JSONParser turns a ValueError into a 400 but lets a RecursionError through, so a body of
deeply nested brackets (`[[[[...]]]]`) became a 500. This parser answers it with the same 400
parse error as any other malformed JSON.
"""

from rest_framework import parsers
from rest_framework.exceptions import ParseError


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser, with over-deep nesting reported as a parse error instead of crashing."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:
            raise ParseError("JSON parse error - the document is nested too deeply.") from exc
