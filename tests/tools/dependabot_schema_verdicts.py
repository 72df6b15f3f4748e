#!/usr/bin/env python3
"""dependabot_schema_verdicts.py SCHEMA CONFIG.yml: what Dependabot's JSON schema says, part by part.

Prints JSON: {"top": {"valid": bool}, "entries": [{"first_line": n, "last_line": n,
"valid": bool, "dependabot_only": bool}, ...]}. The top level is validated with
`updates` replaced by an empty list; each `updates[]` entry alone, as
{"version": 2, "updates": [entry]} (with the file's enable-beta-ecosystems and
multi-ecosystem-groups). Lines are 1-based. An entry whose text contains
"dependabot-only" is one the schema accepts and Dependabot does not.
Uses PyYAML and python3-jsonschema from Debian.
"""
import copy
import json
import sys

import jsonschema
import yaml


def last_line(node) -> int:
    """The 1-based line of the last character of a node (a block collection ends where its last value ends)."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return last_line(node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return last_line(node.value[-1])
    mark = node.end_mark
    return mark.line + (1 if mark.column > 0 else 0)


def main() -> int:
    schema_path, config_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(config_path, encoding="utf-8") as handle:
        text = handle.read()
    validator = jsonschema.validators.validator_for(schema)(schema)
    data = yaml.safe_load(text)
    lines = text.splitlines()
    result = {"top": {"valid": True}, "entries": []}
    if not isinstance(data, dict):
        result["top"]["valid"] = False
        print(json.dumps(result))
        return 0
    top = copy.deepcopy(data)
    if isinstance(top.get("updates"), list):
        top["updates"] = []
    result["top"]["valid"] = not list(validator.iter_errors(top))
    node = yaml.compose(text)
    updates = None
    for key, value in node.value:
        if key.value == "updates":
            updates = value
    if updates is None or not isinstance(updates, yaml.SequenceNode):
        print(json.dumps(result))
        return 0
    context = {k: v for k, v in data.items() if k in ("enable-beta-ecosystems", "multi-ecosystem-groups")}
    for item_node, item in zip(updates.value, data["updates"]):
        first = item_node.start_mark.line + 1
        last = last_line(item_node)
        alone = dict(context, version=2, updates=[item])
        entry_text = "\n".join(lines[first - 1:last])
        result["entries"].append({
            "first_line": first,
            "last_line": last,
            "valid": not list(validator.iter_errors(alone)),
            "dependabot_only": "dependabot-only" in entry_text,
        })
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
