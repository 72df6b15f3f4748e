#!/usr/bin/env python3
"""validate_json.py SCHEMA INSTANCE: exit 0 when INSTANCE validates against SCHEMA.

Uses python3-jsonschema from Debian; picks the validator the schema's
$schema names (draft-04 for SARIF 2.1.0, draft-07 for the Check Runs schema).
"""
import json
import sys

import jsonschema


def main() -> int:
    schema_path, instance_path = sys.argv[1], sys.argv[2]
    with open(schema_path, encoding="utf-8") as handle:
        schema = json.load(handle)
    with open(instance_path, encoding="utf-8") as handle:
        instance = json.load(handle)
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    errors = sorted(validator_class(schema).iter_errors(instance), key=lambda e: list(e.path))
    for error in errors[:20]:
        location = "/".join(str(part) for part in error.absolute_path)
        print(f"{instance_path}: /{location}: {error.message}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
