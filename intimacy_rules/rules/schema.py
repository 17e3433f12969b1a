"""The published JSON Schema of ruleset files, generated from the language's models.

``intimacy-rules schema`` prints it. It is the pydantic schema of
``RulesetFile`` with two refinements editors need to complete well:

- field names (``field:`` and bare boolean names) are enumerated from the
  fact catalogue, plus the open ``context.attributes.<name>`` pattern, so the
  list an editor offers is exactly what the validator accepts;
- "may be null" branches that exist only because Python models use ``None``
  for "not given" are removed: a ruleset never writes ``null``;
- mappings whose keys follow a pattern (template ids, locales) refuse other keys.
"""

from __future__ import annotations

from typing import Any

from intimacy_rules.rules.fields import ATTRIBUTES_PREFIX, FieldCatalogue, fact_catalogue
from intimacy_rules.rules.models import RulesetFile

__all__ = ["SCHEMA_ID", "ruleset_json_schema"]

SCHEMA_ID = "https://intimacy-rules.invalid/schema/ruleset.json"
_ATTRIBUTE_PATTERN = "^" + ATTRIBUTES_PREFIX.replace(".", r"\.") + r"[A-Za-z_][A-Za-z0-9_]{0,63}$"


def _without_null(node: Any) -> Any:
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _without_null(value) for key, value in node.items()}
    if "patternProperties" in out:  # keys must match a pattern: say so to editors
        out.setdefault("additionalProperties", False)
    branches = out.get("anyOf")
    if isinstance(branches, list) and {"type": "null"} in branches:
        kept = [b for b in branches if b != {"type": "null"}]
        del out["anyOf"]
        if len(kept) == 1:
            out.update(kept[0])
        else:
            out["anyOf"] = kept
        if out.get("default", ...) is None:
            del out["default"]
    return out


def _names(names: list[str], description: str) -> dict[str, Any]:
    return {
        "type": "string",
        "description": description,
        "anyOf": [{"enum": names}, {"pattern": _ATTRIBUTE_PATTERN}],
    }


def ruleset_json_schema(catalogue: FieldCatalogue | None = None) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) a ruleset file conforms to."""
    catalogue = catalogue or fact_catalogue()
    schema: dict[str, Any] = _without_null(RulesetFile.model_json_schema(by_alias=True))

    def point_names(node: Any) -> Any:
        if isinstance(node, dict):
            if node.get("type") == "string" and "boolean fact field" in str(
                node.get("description")
            ):
                return {"$ref": "#/$defs/BooleanFieldName"}
            return {key: point_names(value) for key, value in node.items()}
        if isinstance(node, list):
            return [point_names(item) for item in node]
        return node

    # point at the named definitions first, so they do not point at themselves
    schema = point_names(schema)
    defs = schema["$defs"]
    defs["FieldName"] = _names(
        sorted(catalogue.fields), "a fact field, or context.attributes.<name>"
    )
    defs["BooleanFieldName"] = _names(
        sorted(catalogue.boolean_names()),
        "a boolean fact field: the condition holds when it is true",
    )
    defs["FieldTest"]["properties"]["field"] = {"$ref": "#/$defs/FieldName"}

    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
