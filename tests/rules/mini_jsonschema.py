"""A small JSON Schema checker: the keywords ``intimacy-rules schema`` uses, no more.

The project has no JSON Schema library as a dependency; this is enough to test
that the published schema accepts every good ruleset and refuses bad ones the
way an editor using it would.
"""

from __future__ import annotations

import re
from typing import Any

_TYPES: dict[str, Any] = {
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, int | float) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "null": lambda v: v is None,
}
KNOWN = {
    "$ref", "$defs", "$schema", "$id", "title", "description", "default",
    "type", "properties", "patternProperties", "additionalProperties", "required",
    "anyOf", "oneOf", "enum", "pattern", "minLength", "maxLength", "items",
    "minItems", "maxItems", "minProperties", "maxProperties", "minimum", "maximum",
}  # fmt: skip


def errors(schema: dict[str, Any], value: Any, root: dict[str, Any] | None = None) -> list[str]:
    """Why ``value`` does not conform to ``schema`` (empty when it does)."""
    root = root or schema
    unknown = set(schema) - KNOWN
    assert not unknown, f"the checker does not know {unknown}"
    out: list[str] = []
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        out += errors(root["$defs"][name], value, root)
    if "type" in schema and not _TYPES[schema["type"]](value):
        return [*out, f"{value!r} is not of type {schema['type']}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{value!r} is not one of the enum")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", 1e9):
            out.append(f"{value!r} has the wrong length")
    number = isinstance(value, int | float) and not isinstance(value, bool)
    if number and not schema.get("minimum", -1e300) <= value <= schema.get("maximum", 1e300):
        out.append(f"{value!r} is out of range")
    if isinstance(value, list):
        if len(value) < schema.get("minItems", 0) or len(value) > schema.get("maxItems", 1e9):
            out.append("wrong number of items")
        for item in value:
            out += errors(schema.get("items", {}), item, root)
    if isinstance(value, dict):
        if len(value) < schema.get("minProperties", 0) or len(value) > schema.get(
            "maxProperties", 1e9
        ):
            out.append("wrong number of keys")
        out += [f"missing {k!r}" for k in schema.get("required", ()) if k not in value]
        for key, item in value.items():
            if key in schema.get("properties", {}):
                out += errors(schema["properties"][key], item, root)
                continue
            patterns = [
                s for p, s in schema.get("patternProperties", {}).items() if re.search(p, key)
            ]
            for sub in patterns:
                out += errors(sub, item, root)
            extra = schema.get("additionalProperties", True)
            if not patterns and extra is False:
                out.append(f"unknown key {key!r}")
            elif not patterns and isinstance(extra, dict):
                out += errors(extra, item, root)
    if "anyOf" in schema and all(errors(s, value, root) for s in schema["anyOf"]):
        out.append(f"{value!r} matches none of anyOf")
    if "oneOf" in schema:
        matching = sum(1 for s in schema["oneOf"] if not errors(s, value, root))
        if matching != 1:
            out.append(f"{value!r} matches {matching} of oneOf, not exactly one")
    return out
