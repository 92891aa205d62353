"""Validates many cloud-config files in one process with cloud-init's own validator.

`cloud-init schema -c FILE` calls cloudinit.config.schema.validate_cloudconfig_file(FILE,
get_schema()); this does the same for each file given, loading the schema once, because one
`cloud-init schema` process costs about a second. Prints a JSON object {file: error-or-null}.
"""
import json
import sys

from cloudinit.config.schema import SchemaValidationError, get_schema, validate_cloudconfig_file

schema = get_schema()
results = {}
for path in sys.argv[1:]:
    try:
        validate_cloudconfig_file(path, schema)
        results[path] = None
    except (SchemaValidationError, RuntimeError) as e:  # the same errors `cloud-init schema` reports
        results[path] = str(e)
print(json.dumps(results))
